/* Placeholder until the owning module lands: fails cleanly instead of linking errors. */
#include "io_internal.h"
ag_graph *ag__read_dot(const char *buf, size_t len, const char *name,
                       const ag_read_limits *limits, ag_error *err)
{
    ag_error_set(err, AG_EINTERNAL, name, 0, 0, "DOT reading is not implemented yet");
    return NULL;
}
int ag__write_dot(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "DOT writing is not implemented yet");
}
