/* Placeholder until the owning module lands: fails cleanly instead of linking errors. */
#include "io_internal.h"
int ag__write_gexf(const ag_graph *g, FILE *out, const ag_write_opts *opts, ag_error *err)
{
    return ag_error_set(err, AG_EINTERNAL, NULL, 0, 0, "GEXF writing is not implemented yet");
}
