/* Placeholder until the owning module lands: fails cleanly instead of linking errors. */
#include "io_internal.h"
int ag_graph_write_csv(const ag_graph *g, const char *dest, ag_error *err)
{
    return ag_error_set(err, AG_EINTERNAL, dest, 0, 0, "CSV writing is not implemented yet");
}
