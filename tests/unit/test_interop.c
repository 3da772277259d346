/* Unit tests of issue 15's reading and writing for other tools: GEXF 1.1/1.2/1.3 input
 * (types, lists, viz data, time, names for generated ids, errors with lines), our own
 * GEXF read back, GraphML names for generated ids, and the writer options (GEXF 1.2,
 * the links key, letter-and-digit GML keys, plain DOT, neo4j import CSV headers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>

/* ------------------------------------------------------------------ helpers */

static ag_graph *read_str(const char *s, ag_format fmt, ag_error *err)
{
    ag_error_clear(err);
    return ag_graph_read_mem(s, strlen(s), "in", fmt, NULL, err);
}

static char *write_opts(const ag_graph *g, ag_format fmt, const ag_write_opts *opts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag_graph_write(g, fmt, f, opts, &err), 0);
    fclose(f);
    return buf;
}

static const json_t *node_attrs(const ag_graph *g, const char *id)
{
    long i = ag_graph_find_node(g, id);
    assert_true(i >= 0);
    return ag_node_attrs_const(g, (size_t)i);
}

/* The JSON text of attribute key of node id ("absent" when it has none). */
static void assert_attr(const ag_graph *g, const char *id, const char *key, const char *json)
{
    const json_t *v = json_object_get(node_attrs(g, id), key);
    char *text = v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : strdup("absent");
    if (strcmp(text, json) != 0)
        fail_msg("node '%s' attribute '%s' is %s, expected %s", id, key, text, json);
    free(text);
}

/* A small graph with every kind of value. */
static ag_graph *small(void)
{
    static const char json[] =
        "{\"directed\": false, \"multigraph\": false, \"graph\": {\"documents\": 2},\n"
        "\"nodes\": [\n"
        "{\"id\": \"Giorgia Meloni\", \"type\": \"person\", \"mentions\": 7, \"pagerank\": 0.25, "
        "\"aliases\": [\"Meloni\"], \"first_date\": \"2024-03-04\", \"active\": true, \"x\": 1.5, "
        "\"y\": -2.0, \"community\": 1, \"Modularity Class\": 3},\n"
        "{\"id\": \"Zo\\u00eb \\\"Z\\\" & Co\", \"type\": \"org\", \"mentions\": 12345678901, "
        "\"pagerank\": 0.5, \"aliases\": [], \"first_date\": \"2024-04-02\", \"active\": false, "
        "\"community\": 0}\n"
        "],\n"
        "\"links\": [\n"
        "{\"source\": \"Giorgia Meloni\", \"target\": \"Zo\\u00eb \\\"Z\\\" & Co\", \"weight\": 3, "
        "\"met\": true, \"first_date\": \"2024-03-04\", \"evidence\": [{\"doc\": \"d\", "
        "\"offset\": 1, \"text\": \"said \\\"hello\\\"\"}]}\n"
        "]}\n";
    ag_error err;
    ag_graph *g = read_str(json, AG_FMT_JSON, &err);
    assert_non_null(g);
    return g;
}

/* ------------------------------------------------------------------ GEXF input */

static const char gexf11[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://www.gexf.net/1.1draft\" xmlns:viz=\"http://www.gexf.net/1.1draft/viz\" "
    "version=\"1.1\">\n"
    "<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"integer\">\n"
    "<attributes class=\"node\" mode=\"static\">\n"
    "<attribute id=\"0\" title=\"seats\" type=\"integer\"><default>0</default></attribute>\n"
    "<attribute id=\"1\" title=\"roles\" type=\"liststring\"/>\n"
    "<attribute id=\"2\" title=\"score\" type=\"float\"/>\n"
    "<attribute id=\"3\" title=\"ok\" type=\"boolean\"/>\n"
    "</attributes>\n"
    "<nodes>\n"
    "<node id=\"0\" label=\"Ana\" start=\"3\"><attvalues><attvalue for=\"0\" value=\"12\"/>"
    "<attvalue for=\"1\" value=\"a|b\"/><attvalue for=\"2\" value=\"3\"/>"
    "<attvalue for=\"3\" value=\"False\"/></attvalues>"
    "<viz:color r=\"1\" g=\"2\" b=\"3\"/><viz:position x=\"4\" y=\"5\" z=\"0\"/></node>\n"
    "<node id=\"1\" label=\"Bo\"><spells><spell start=\"1\" end=\"2\"/>"
    "<spell start=\"5\"/></spells></node>\n"
    "</nodes>\n"
    "<edges><edge id=\"0\" source=\"0\" target=\"1\" weight=\"2.5\"/></edges>\n"
    "</graph></gexf>\n";

static void test_interop__gexf_1_1(void **state)
{
    ag_error err;
    ag_graph *g = read_str(gexf11, AG_FMT_AUTO, &err);

    assert_non_null(g);
    assert_true(ag_graph_is_directed(g));
    /* "0", "1" are generated and the labels unique: the labels are the ids */
    assert_true(ag_graph_find_node(g, "Ana") >= 0 && ag_graph_find_node(g, "Bo") >= 0);
    assert_attr(g, "Ana", "label", "absent");
    assert_attr(g, "Ana", "seats", "12");
    assert_attr(g, "Bo", "seats", "0"); /* the default */
    assert_attr(g, "Ana", "roles", "[\"a\",\"b\"]");
    assert_attr(g, "Ana", "score", "3.0");
    assert_attr(g, "Ana", "ok", "false");
    assert_attr(g, "Ana", "start", "3"); /* timeformat integer: a number */
    assert_attr(g, "Ana", "viz_r", "1");
    assert_attr(g, "Ana", "viz_b", "3");
    assert_attr(g, "Ana", "x", "4.0");
    assert_attr(g, "Ana", "z", "absent");
    assert_attr(g, "Bo", "spells", "[[1,2],[5,null]]");
    assert_true(ag_edge_weight(g, 0) == 2.5);
    ag_graph_free(g);
}

static void test_interop__gexf_1_3_lists_and_names(void **state)
{
    ag_error err;
    ag_graph *g = read_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph>"
        "<attributes class=\"node\"><attribute id=\"y\" title=\"years\" type=\"listinteger\"/>"
        "<attribute id=\"a\" title=\"aliases\" type=\"liststring\"/></attributes>"
        "<attributes class=\"edge\" mode=\"dynamic\"><attribute id=\"w\" title=\"w\" "
        "type=\"double\"/></attributes>"
        "<nodes><node id=\"n0\" label=\"Same\"><attvalues><attvalue for=\"y\" value=\"[1, 2]\"/>"
        "<attvalue for=\"a\" value=\"[x, 'y, z', &quot;w&quot;]\"/></attvalues>"
        "<viz:color xmlns:viz=\"http://gexf.net/1.3/viz\" hex=\"#0a0B0c\" a=\"0.25\"/></node>"
        "<node id=\"n1\" label=\"Same\"/><node id=\"n2\"/></nodes>"
        "<edges><edge source=\"n0\" target=\"n1\" type=\"directed\"><attvalues>"
        "<attvalue for=\"w\" value=\"1\" start=\"2020\" end=\"2021\"/>"
        "<attvalue for=\"w\" value=\"2\" start=\"2021\"/></attvalues></edge>"
        "<edge source=\"n1\" target=\"n0\"/></edges></graph></gexf>",
        AG_FMT_AUTO, &err);

    assert_non_null(g);
    assert_false(ag_graph_is_directed(g)); /* GEXF's default */
    /* two nodes share a label: the ids stay, the labels are attributes */
    assert_attr(g, "n0", "label", "\"Same\"");
    assert_attr(g, "n2", "label", "absent");
    assert_attr(g, "n0", "years", "[1,2]");
    assert_attr(g, "n0", "aliases", "[\"x\",\"y, z\",\"w\"]");
    assert_attr(g, "n0", "viz_r", "10");
    assert_attr(g, "n0", "viz_g", "11");
    assert_attr(g, "n0", "viz_a", "0.25");
    /* an edge whose own type differs keeps it; parallel edges make a multigraph */
    assert_true(ag_graph_is_multigraph(g));
    assert_string_equal(ag_attr_string(ag_edge_attrs_const(g, 0), "type"), "directed");
    {
        char *t = json_dumps(json_object_get(ag_edge_attrs_const(g, 0), "w"), JSON_COMPACT);
        assert_string_equal(t, "[[1.0,\"2020\",\"2021\"],[2.0,\"2021\",null]]");
        free(t);
    }
    ag_graph_free(g);
}

static void test_interop__gexf_errors(void **state)
{
    ag_error err;
    ag_graph *g;

    g = read_str("<gexf>\n<graph>\n<attributes class=\"node\"><attribute id=\"0\" title=\"n\" "
                 "type=\"integer\"/></attributes>\n<nodes>\n<node id=\"a\"><attvalues>"
                 "<attvalue for=\"0\" value=\"x\"/></attvalues></node>\n</nodes></graph></gexf>",
                 AG_FMT_AUTO, &err);
    assert_null(g);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.msg, "'x' is not a number"));

    g = read_str("<gexf><graph><nodes><node id=\"a\"/></nodes>\n<edges>\n"
                 "<edge source=\"a\" target=\"b\"/></edges></graph></gexf>",
                 AG_FMT_AUTO, &err);
    assert_null(g);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "no <node> declares"));

    g = read_str("<gexf><graph><nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes></graph></gexf>",
                 AG_FMT_AUTO, &err);
    assert_null(g);
    assert_int_equal(err.line, 2);

    g = read_str("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY e \"x\">]>\n<gexf/>",
                 AG_FMT_AUTO, &err);
    assert_null(g);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "DOCTYPE"));

    g = read_str("<gexf><graph><attributes class=\"node\"></attributes></graph>\n<graph/></gexf>",
                 AG_FMT_GEXF, &err);
    assert_null(g);
    assert_non_null(strstr(err.msg, "second <graph>"));

    g = read_str("<gexf><nodes/></gexf>", AG_FMT_GEXF, &err);
    assert_null(g);
    assert_non_null(strstr(err.msg, "no <graph>"));
}

/* What ag__write_gexf writes reads back as the graph (1.3 and 1.2): names, links,
 * weights and typed attributes; derived viz data and spells are not read again. */
static void test_interop__gexf_round_trip(void **state)
{
    ag_gexf_version versions[] = {AG_GEXF_1_3, AG_GEXF_1_2};

    for (size_t v = 0; v < 2; v++) {
        ag_graph *g = small(), *h;
        ag_write_opts wo = AG_WRITE_OPTS_INIT;
        ag_error err;
        char *x;
        wo.gexf_version = versions[v];
        x = write_opts(g, AG_FMT_GEXF, &wo);
        assert_non_null(strstr(x, v ? "xmlns=\"http://www.gexf.net/1.2draft\""
                                    : "xmlns=\"http://gexf.net/1.3\""));
        assert_non_null(strstr(x, v ? "version=\"1.2\"" : "version=\"1.3\""));
        h = read_str(x, AG_FMT_AUTO, &err);
        assert_non_null(h);
        assert_int_equal(ag_graph_node_count(h), 2);
        assert_int_equal(ag_graph_edge_count(h), 1);
        assert_attr(h, "Giorgia Meloni", "mentions", "7");
        assert_attr(h, "Zo\xc3\xab \"Z\" & Co", "mentions", "12345678901");
        assert_attr(h, "Giorgia Meloni", "pagerank", "0.25");
        assert_attr(h, "Giorgia Meloni", "active", "true");
        assert_attr(h, "Giorgia Meloni", "aliases", "\"Meloni\""); /* joined text */
        assert_attr(h, "Giorgia Meloni", "x", "1.5");
        assert_attr(h, "Giorgia Meloni", "viz_r", "absent");  /* derived */
        assert_attr(h, "Giorgia Meloni", "spells", "absent"); /* derived */
        assert_attr(h, "Giorgia Meloni", "label", "absent");
        assert_attr(h, "Giorgia Meloni", "Modularity Class", "3");
        assert_true(ag_edge_weight(h, 0) == 3.0);
        assert_true(json_is_true(json_object_get(ag_edge_attrs_const(h, 0), "met")));
        ag_graph_free(g);
        ag_graph_free(h);
        free(x);
    }
}

/* ------------------------------------------------------------------ GraphML names */

static void test_interop__graphml_generated_ids(void **state)
{
    static const char head[] =
        "<graphml><key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>"
        "<key id=\"v_c\" for=\"node\" attr.name=\"community\" attr.type=\"double\"/>"
        "<graph edgedefault=\"undirected\">";
    char buf[1024];
    ag_error err;
    ag_graph *g;

    /* python-igraph: n0.. and the names in "name" */
    snprintf(buf, sizeof buf,
             "%s<node id=\"n0\"><data key=\"v_name\">Ana</data>"
             "<data key=\"v_c\">1</data></node><node id=\"n1\"><data key=\"v_name\">Bo</data>"
             "</node><edge source=\"n0\" target=\"n1\"/></graph></graphml>",
             head);
    g = read_str(buf, AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_attr(g, "Ana", "name", "absent");
    assert_attr(g, "Ana", "community", "1.0"); /* declared double, kept double */
    assert_int_equal(ag_edge_source(g, 0), (size_t)ag_graph_find_node(g, "Ana"));
    ag_graph_free(g);

    /* a node without a name: nothing is renamed */
    snprintf(buf, sizeof buf,
             "%s<node id=\"n0\"><data key=\"v_name\">Ana</data></node>"
             "<node id=\"n1\"/></graph></graphml>",
             head);
    g = read_str(buf, AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_attr(g, "n0", "name", "\"Ana\"");
    ag_graph_free(g);

    /* ids that are names ("n0" beside "Bob"): nothing is renamed */
    snprintf(buf, sizeof buf,
             "%s<node id=\"n0\"><data key=\"v_name\">Ana</data></node>"
             "<node id=\"Bob\"><data key=\"v_name\">Bo</data></node></graph></graphml>",
             head);
    g = read_str(buf, AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_true(ag_graph_find_node(g, "Bob") >= 0);
    ag_graph_free(g);

    /* "007" is a name, not a generated number */
    snprintf(buf, sizeof buf,
             "%s<node id=\"007\"><data key=\"v_name\">Ana</data></node>"
             "<node id=\"1\"><data key=\"v_name\">Bo</data></node></graph></graphml>",
             head);
    g = read_str(buf, AG_FMT_AUTO, &err);
    assert_non_null(g);
    assert_true(ag_graph_find_node(g, "007") >= 0);
    ag_graph_free(g);
}

/* ------------------------------------------------------------------ writer options */

static void test_interop__write_opts_defaults(void **state)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_graph *g = small();
    char *a, *b;

    assert_int_equal(wo.gexf_version, AG_GEXF_1_3);
    assert_null(wo.links_key);
    assert_int_equal(wo.gml_alnum_keys, 0);
    assert_int_equal(wo.dot_plain, 0);
    /* explicit defaults write what no options write */
    for (ag_format f = AG_FMT_JSON; f <= AG_FMT_TSV; f++) {
        a = write_opts(g, f, NULL);
        b = write_opts(g, f, &wo);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    ag_graph_free(g);
}

static void test_interop__links_key(void **state)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_graph *g = small(), *h;
    ag_error err;
    char *x;
    FILE *f;

    wo.links_key = "edges";
    x = write_opts(g, AG_FMT_JSON, &wo);
    assert_non_null(strstr(x, "\"edges\": ["));
    assert_null(strstr(x, "\"links\""));
    h = read_str(x, AG_FMT_AUTO, &err);
    assert_non_null(h);
    assert_int_equal(ag_graph_edge_count(h), 1);
    ag_graph_free(h);
    free(x);

    wo.links_key = "arcs";
    f = fopen("/dev/null", "w");
    ag_error_clear(&err);
    assert_int_equal(ag_graph_write(g, AG_FMT_JSON, f, &wo, &err), -1);
    assert_non_null(strstr(err.msg, "'links' or 'edges'"));
    fclose(f);
    ag_graph_free(g);
}

static void test_interop__gml_alnum_keys(void **state)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_graph *g = small();
    char *x;

    json_object_set_new(ag_node_attrs(g, 0), "firstDate", json_string("clash"));
    json_object_set_new(ag_node_attrs(g, 0), "_private", json_integer(1));
    json_object_set_new(ag_node_attrs(g, 0), "2nd", json_integer(2));
    wo.gml_alnum_keys = 1;
    x = write_opts(g, AG_FMT_GML, &wo);
    assert_non_null(strstr(x, "    firstDate \"2024-03-04\"\n"));
    assert_non_null(strstr(x, "    firstDate2 \"clash\"\n"));
    assert_non_null(strstr(x, "    ModularityClass 3\n"));
    assert_non_null(strstr(x, "    private 1\n"));
    assert_non_null(strstr(x, "    a2nd 2\n"));
    assert_null(strstr(x, "_"));
    free(x);
    ag_graph_free(g);
}

static void test_interop__dot_plain(void **state)
{
    ag_write_opts wo = AG_WRITE_OPTS_INIT;
    ag_graph *g = small(), *h;
    ag_error err;
    char *x;

    wo.dot_plain = 1;
    x = write_opts(g, AG_FMT_DOT, &wo);
    assert_null(strchr(x, '<')); /* nothing HTML-like */
    assert_null(strstr(x, "fillcolor"));
    assert_null(strstr(x, "\\\"hello")); /* quotes in JSON text as \u0022 */
    assert_non_null(strstr(x, "\\u0022hello\\u0022"));
    assert_non_null(strstr(x, " [weight=\"3\", met=\"true\""));
    assert_non_null(strstr(x, "\"Modularity Class\"=\"3\""));
    h = read_str(x, AG_FMT_AUTO, &err);
    assert_non_null(h);
    /* the same graph back (cgraph lists attributes in its own order) */
    assert_int_equal(ag_graph_node_count(h), ag_graph_node_count(g));
    assert_true(json_equal((json_t *)ag_graph_attrs_const(h), (json_t *)ag_graph_attrs_const(g)));
    for (size_t i = 0; i < ag_graph_node_count(g); i++)
        assert_true(json_equal((json_t *)node_attrs(h, ag_node_id(g, i)),
                               (json_t *)ag_node_attrs_const(g, i)));
    assert_int_equal(ag_graph_edge_count(h), 1);
    assert_true(ag_edge_weight(h, 0) == 3.0);
    assert_true(
        json_equal((json_t *)ag_edge_attrs_const(h, 0), (json_t *)ag_edge_attrs_const(g, 0)));
    free(x);
    ag_graph_free(h);
    ag_graph_free(g);
}

/* Every header field follows neo4j-admin import's documented format:
 * <name>:<field_type>, the field types ID, LABEL, START_ID, END_ID, TYPE, IGNORE or a
 * property type, optionally an array ([]); the name may be empty, the type absent. */
static void assert_neo4j_header(const char *line, const char *const *required)
{
    regex_t re;
    char *copy = strdup(line), *save = NULL;

    assert_int_equal(regcomp(&re,
                             "^[^:]*(:(ID|LABEL|START_ID|END_ID|TYPE|IGNORE|"
                             "((int|long|float|double|boolean|byte|short|char|string|point|"
                             "date|localtime|time|localdatetime|datetime|duration)(\\[\\])?)))?$",
                             REG_EXTENDED | REG_NOSUB),
                     0);
    for (char *f = strtok_r(copy, ",", &save); f; f = strtok_r(NULL, ",", &save))
        if (regexec(&re, f, 0, NULL, 0) != 0)
            fail_msg("neo4j header field '%s' is not <name>:<type>", f);
    for (size_t i = 0; required[i]; i++)
        assert_non_null(strstr(line, required[i]));
    regfree(&re);
    free(copy);
}

static char *slurp_line(const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    assert_non_null(f);
    assert_true(getline(&line, &cap, f) > 0);
    line[strcspn(line, "\n")] = '\0';
    fclose(f);
    return line;
}

static void test_interop__neo4j(void **state)
{
    static const char *const node_required[] = {
        "id:ID",           ":LABEL",         "mentions:long",
        "pagerank:double", "active:boolean", "aliases:string[]",
        "first_date:date", "community:int",  NULL};
    static const char *const rel_required[] = {
        ":START_ID", ":END_ID", ":TYPE", "weight:double", "met:boolean", "first_date:date", NULL};
    char dir[] = "/tmp/ag-neo4j-XXXXXX", dest[64], path[96], *line;
    ag_graph *g = small();
    ag_error err;
    FILE *f;
    char row[512];

    assert_non_null(mkdtemp(dir));
    snprintf(dest, sizeof dest, "%s/out/", dir);
    ag_error_clear(&err);
    assert_int_equal(ag_graph_write_neo4j(g, dest, &err), 0);
    snprintf(path, sizeof path, "%snodes.csv", dest);
    line = slurp_line(path);
    assert_neo4j_header(line, node_required);
    assert_true(strncmp(line, "id:ID,:LABEL,", 13) == 0);
    free(line);
    f = fopen(path, "r");
    assert_non_null(fgets(row, sizeof row, f));
    assert_non_null(fgets(row, sizeof row, f));
    assert_true(strncmp(row, "Giorgia Meloni,Actor;Person,person,7,", 37) == 0);
    assert_non_null(strstr(row, ",Meloni,2024-03-04,true,"));
    fclose(f);
    unlink(path);
    snprintf(path, sizeof path, "%srelationships.csv", dest);
    line = slurp_line(path);
    assert_neo4j_header(line, rel_required);
    assert_true(strncmp(line, ":START_ID,:END_ID,:TYPE,weight:double,", 38) == 0);
    free(line);
    unlink(path);
    rmdir(dest);
    rmdir(dir);

    ag_error_clear(&err);
    assert_int_equal(ag_graph_write_neo4j(g, "-", &err), -1);
    assert_non_null(strstr(err.msg, "two files"));
    ag_graph_free(g);
    assert_int_equal(ag_format_parse("neo4j", &(ag_format){0}), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interop__gexf_1_1),
        cmocka_unit_test(test_interop__gexf_1_3_lists_and_names),
        cmocka_unit_test(test_interop__gexf_errors),
        cmocka_unit_test(test_interop__gexf_round_trip),
        cmocka_unit_test(test_interop__graphml_generated_ids),
        cmocka_unit_test(test_interop__write_opts_defaults),
        cmocka_unit_test(test_interop__links_key),
        cmocka_unit_test(test_interop__gml_alnum_keys),
        cmocka_unit_test(test_interop__dot_plain),
        cmocka_unit_test(test_interop__neo4j),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
