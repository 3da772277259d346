/* Unit tests of the GraphML, GEXF, GML and CSV formats and of the style helpers:
 * exact round trips of awkward names and values, what other tools write, refused
 * entities, and errors that name the line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <actorgraph/io/io.h>
#include <actorgraph/render/render.h>
#include <actorgraph/graph/style.h>

/* ------------------------------------------------------------------ helpers */

static ag_graph *read_str(const char *s, ag_format fmt, ag_error *err)
{
    ag_error_clear(err);
    return ag_graph_read_mem(s, strlen(s), "in", fmt, NULL, err);
}

static char *write_str(const ag_graph *g, ag_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ag_error err;
    ag_error_clear(&err);
    assert_int_equal(ag_graph_write(g, fmt, f, NULL, &err), 0);
    fclose(f);
    return buf;
}

/* The awkward graph: names with quotes, <, &, backslashes, newlines, braces and
 * non-ASCII letters; lists, evidence records, booleans, wide integers, reals. */
static const char tricky_json[] =
    "{\"directed\": false, \"multigraph\": false, \"graph\": {\"title\": \"a <b> & \\\"c\\\"\", "
    "\"documents\": 3},\n"
    "\"nodes\": [\n"
    "{\"id\": \"A \\\"quoted\\\" name\", \"type\": \"person\", \"mentions\": 3, "
    "\"aliases\": [\"Quoted\", \"Q\"], \"roles\": [\"minister\"], \"first_date\": \"2024-01-05\", "
    "\"last_date\": \"2024-02-01\", \"community\": 0, \"pagerank\": 0.5},\n"
    "{\"id\": \"Back\\\\slash {brace}\", \"type\": \"org\", \"mentions\": 1, \"aliases\": [], "
    "\"roles\": [\"a; b\"], \"community\": 1, \"pagerank\": 0.25},\n"
    "{\"id\": \"Line\\nbreak <tag> & amp\\r\\t\", \"type\": \"place\", \"mentions\": 12345678901, "
    "\"aliases\": [\"x\"], \"roles\": [], \"community\": 0, \"pagerank\": 0.1, \"x\": 1.5, \"y\": "
    "-2},\n"
    "{\"id\": \"Zo\\u00eb \\u00c5ngstr\\u00f6m \\u6771\\u4eac\", \"type\": \"country\", "
    "\"mentions\": 2, \"ratio\": 1e+300, \"flag\": null}\n"
    "],\n"
    "\"links\": [\n"
    "{\"source\": \"A \\\"quoted\\\" name\", \"target\": \"Back\\\\slash {brace}\", \"weight\": 2, "
    "\"met\": true, \"evidence\": [{\"doc\": \"d1\", \"offset\": 10, \"text\": \"met "
    "\\\"there\\\"\\n\"}]},\n"
    "{\"source\": \"A \\\"quoted\\\" name\", \"target\": \"Line\\nbreak <tag> & amp\\r\\t\", "
    "\"weight\": 0.1, \"met\": false, \"evidence\": []},\n"
    "{\"source\": \"Line\\nbreak <tag> & amp\\r\\t\", \"target\": \"Zo\\u00eb \\u00c5ngstr\\u00f6m "
    "\\u6771\\u4eac\", \"weight\": 1e20}\n"
    "]}\n";

static ag_graph *tricky(void)
{
    ag_error err;
    ag_graph *g = read_str(tricky_json, AG_FMT_JSON, &err);
    if (!g)
        fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    return g;
}

/* Two graphs are equal when they write the same node-link JSON. Nulls are not kept by
 * typed formats, so they are removed from the expectation first. */
static void assert_same_graph(ag_graph *a, ag_graph *b)
{
    char *ja, *jb;
    if (ag_graph_node_count(a) > 3)
        json_object_del(ag_node_attrs(a, 3), "flag");
    ja = write_str(a, AG_FMT_JSON);
    jb = write_str(b, AG_FMT_JSON);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
}

/* ------------------------------------------------------------------ GraphML */

static void test_formats__graphml_round_trip(void **state)
{
    ag_graph *g = tricky(), *h;
    char *xml = write_str(g, AG_FMT_GRAPHML);
    ag_error err;

    /* Node ids are name tokens; names live in the label key. */
    assert_non_null(strstr(xml, "<node id=\"n0\"><data key=\"d2\">A \"quoted\" name</data>"));
    assert_non_null(strstr(xml, "Line\nbreak &lt;tag&gt; &amp; amp&#13;\t"));
    assert_non_null(strstr(xml, "attr.name=\"mentions\" attr.type=\"long\""));
    assert_non_null(strstr(xml, "attr.name=\"met\" attr.type=\"boolean\""));
    assert_non_null(strstr(xml, "attr.name=\"pagerank\" attr.type=\"double\""));
    /* a list element holding the separator turns the column into JSON */
    assert_non_null(strstr(xml, "attr.name=\"roles\" attr.type=\"string\"><desc>actorgraph:json"));
    assert_non_null(
        strstr(xml, "attr.name=\"aliases\" attr.type=\"string\"><desc>actorgraph:list"));
    assert_non_null(strstr(xml, "<data key=\"d5\">Quoted; Q</data>"));
    /* Gephi's visual keys */
    assert_non_null(strstr(xml, "attr.name=\"size\" attr.type=\"double\""));
    assert_non_null(strstr(xml, "attr.name=\"r\" attr.type=\"int\""));

    h = read_str(xml, AG_FMT_GRAPHML, &err);
    if (!h)
        fail_msg("%ld: %s", err.line, err.msg);
    assert_same_graph(g, h);
    free(xml);
    ag_graph_free(g);
    ag_graph_free(h);
}

static void test_formats__graphml_raw_ids(void **state)
{
    ag_error err;
    ag_graph *g = read_str("{\"directed\": true, \"multigraph\": false, \"graph\": {}, \"nodes\": "
                           "[{\"id\": \"a-1\"}, {\"id\": \"b.2\"}], \"links\": "
                           "[{\"source\": \"a-1\", \"target\": \"b.2\"}]}",
                           AG_FMT_JSON, &err),
             *h;
    char *xml;
    assert_non_null(g);
    xml = write_str(g, AG_FMT_GRAPHML);
    assert_non_null(strstr(xml, "edgedefault=\"directed\""));
    assert_non_null(strstr(xml, "<node id=\"a-1\">"));
    assert_non_null(strstr(xml, "<edge source=\"a-1\" target=\"b.2\"/>"));
    h = read_str(xml, AG_FMT_GRAPHML, &err);
    assert_non_null(h);
    assert_true(ag_graph_is_directed(h));
    assert_same_graph(g, h);
    free(xml);
    ag_graph_free(g);
    ag_graph_free(h);
}

/* What networkx writes: integer node ids, typed keys, a default, weights as int. */
static void test_formats__graphml_networkx(void **state)
{
    static const char doc[] =
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"d3\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\" />\n"
        "  <key id=\"d2\" for=\"node\" attr.name=\"seen\" attr.type=\"boolean\" />\n"
        "  <key id=\"d1\" for=\"node\" attr.name=\"score\" attr.type=\"double\" />\n"
        "  <key id=\"d0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\">\n"
        "    <default>person</default>\n  </key>\n"
        "  <graph edgedefault=\"undirected\">\n"
        "    <node id=\"0\">\n      <data key=\"d1\">0.5</data>\n"
        "      <data key=\"d2\">True</data>\n    </node>\n"
        "    <node id=\"1\">\n      <data key=\"d0\">org</data>\n    </node>\n"
        "    <edge source=\"0\" target=\"1\">\n      <data key=\"d3\">3</data>\n    </edge>\n"
        "    <edge source=\"1\" target=\"2\" />\n"
        "    <node id=\"2\"/>\n" /* declared after its edge: GraphML allows either order */
        "  </graph>\n</graphml>\n";
    ag_error err;
    ag_graph *g = read_str(doc, AG_FMT_AUTO, &err);
    const json_t *a;

    if (!g)
        fail_msg("%ld: %s", err.line, err.msg);
    assert_false(ag_graph_is_directed(g));
    assert_int_equal(ag_graph_node_count(g), 3);
    assert_int_equal(ag_graph_edge_count(g), 2);
    a = ag_node_attrs_const(g, (size_t)ag_graph_find_node(g, "0"));
    assert_string_equal(ag_attr_string(a, "kind"), "person"); /* the default */
    assert_true(json_is_true(json_object_get(a, "seen")));
    assert_true(json_is_real(json_object_get(a, "score")));
    a = ag_node_attrs_const(g, (size_t)ag_graph_find_node(g, "1"));
    assert_string_equal(ag_attr_string(a, "kind"), "org");
    assert_true(ag_edge_has_weight(g, 0));
    assert_true(ag_edge_weight(g, 0) == 3.0);
    assert_false(ag_edge_has_weight(g, 1));
    ag_graph_free(g);
}

/* What yEd writes: labels inside nodegraphics, nested (group) graphs. */
static void test_formats__graphml_yed(void **state)
{
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
        "  <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n"
        "  <key for=\"edge\" id=\"d10\" yfiles.type=\"edgegraphics\"/>\n"
        "  <graph edgedefault=\"directed\" id=\"G\">\n"
        "    <node id=\"n0\"><data key=\"d6\"><y:ShapeNode><y:Geometry height=\"30\" "
        "width=\"30\" x=\"10.5\" y=\"-4\"/><y:NodeLabel alignment=\"center\">Ana &amp; "
        "Bo</y:NodeLabel></y:ShapeNode></data></node>\n"
        "    <node id=\"g1\"><graph id=\"g1:\" edgedefault=\"directed\">\n"
        "      <node id=\"g1::n0\"/>\n    </graph></node>\n"
        "    <edge id=\"e0\" source=\"n0\" target=\"g1::n0\"><data key=\"d10\"><y:PolyLineEdge>"
        "<y:Path sx=\"0\"/></y:PolyLineEdge></data></edge>\n"
        "  </graph>\n</graphml>\n";
    ag_error err;
    ag_graph *g = read_str(doc, AG_FMT_GRAPHML, &err);
    const json_t *a;

    if (!g)
        fail_msg("%ld: %s", err.line, err.msg);
    assert_true(ag_graph_is_directed(g));
    assert_int_equal(ag_graph_node_count(g), 3);
    assert_int_equal(ag_graph_edge_count(g), 1);
    a = ag_node_attrs_const(g, (size_t)ag_graph_find_node(g, "n0"));
    assert_string_equal(ag_attr_string(a, "label"), "Ana & Bo");
    assert_true(ag_attr_number(a, "x", 0) == 10.5);
    assert_true(ag_attr_number(a, "y", 0) == -4);
    assert_true(ag_graph_find_node(g, "g1::n0") >= 0);
    ag_graph_free(g);
}

static void test_formats__graphml_refuses_entities(void **state)
{
    static const char *docs[] = {
        /* an entity bomb */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n <!ENTITY a \"aaaaaaaaaa\">\n"
        " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c "
        "\"&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
        "]>\n<graphml><graph edgedefault=\"undirected\"><node id=\"&c;\"/></graph></graphml>\n",
        /* an external entity */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> "
        "]>\n"
        "<graphml><key id=\"d0\" for=\"node\"/><graph edgedefault=\"undirected\"><node id=\"a\">"
        "<data key=\"d0\">&x;</data></node></graph></graphml>\n",
        /* an external DTD */
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
        "<graphml><graph edgedefault=\"undirected\"/></graphml>\n",
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        ag_error err;
        ag_graph *g = read_str(docs[i], AG_FMT_GRAPHML, &err);
        assert_null(g);
        assert_int_equal(err.code, AG_EINVAL);
        assert_int_equal(err.line, 2);
        assert_non_null(strstr(err.msg, "DOCTYPE"));
    }
}

/* A DOCTYPE the byte scan cannot see (UTF-16) is still refused by the reader. */
static void test_formats__graphml_refuses_utf16_doctype(void **state)
{
    static const char doc[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE graphml "
                              "[ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<graphml><graph "
                              "edgedefault=\"undirected\"><node id=\"a\"/></graph></graphml>\n";
    char buf[1024];
    size_t n = 0;
    ag_error err;
    ag_graph *g;

    buf[n++] = (char)0xFF; /* UTF-16LE byte order mark */
    buf[n++] = (char)0xFE;
    for (const char *p = doc; *p; p++) {
        buf[n++] = *p;
        buf[n++] = 0;
    }
    ag_error_clear(&err);
    g = ag_graph_read_mem(buf, n, "in", AG_FMT_GRAPHML, NULL, &err);
    assert_null(g);
    assert_true(err.code == AG_EINVAL || err.code == AG_EPARSE);
}

static void test_formats__graphml_errors(void **state)
{
    ag_error err;
    ag_graph *g;

    g = read_str("<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\">\n</graph>"
                 "</graphml>\n",
                 AG_FMT_GRAPHML, &err);
    assert_null(g);
    assert_int_equal(err.code, AG_EPARSE);
    assert_int_equal(err.line, 4);
    assert_true(err.col > 0);

    g = read_str("<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/>\n"
                 "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n"
                 "<node id=\"b\"><data key=\"k\">seven</data></node>\n</graph></graphml>\n",
                 AG_FMT_GRAPHML, &err);
    assert_null(g);
    assert_int_equal(err.code, AG_EINVAL);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.msg, "seven"));

    g = read_str("<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\">"
                 "<data key=\"nope\">1</data></node>\n</graph></graphml>\n",
                 AG_FMT_GRAPHML, &err);
    assert_null(g);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "undeclared key"));

    g = read_str("<gexf/>", AG_FMT_GRAPHML, &err);
    assert_null(g);
    assert_non_null(strstr(err.msg, "not GraphML"));
}

/* GraphML has no multigraph flag: parallel edges make one, and round-trip. */
static void test_formats__graphml_parallel_edges(void **state)
{
    ag_error err;
    ag_graph *g = read_str("<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/>"
                           "<node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
                           "<edge source=\"b\" target=\"a\"/></graph></graphml>",
                           AG_FMT_GRAPHML, &err);
    assert_non_null(g);
    assert_true(ag_graph_is_multigraph(g));
    assert_int_equal(ag_graph_edge_count(g), 2);
    ag_graph_free(g);
}

/* ------------------------------------------------------------------ GEXF */

static void test_formats__gexf(void **state)
{
    ag_graph *g = tricky();
    char *x;

    json_object_set_new(ag_node_attrs(g, 1), "first_date", json_string("2024-02-30"));
    x = write_str(g, AG_FMT_GEXF);
    assert_non_null(strstr(x, "mode=\"dynamic\" timeformat=\"date\""));
    assert_non_null(strstr(x, "<attribute id=\"1\" title=\"mentions\" type=\"long\"/>"));
    assert_non_null(strstr(x, "title=\"met\" type=\"boolean\""));
    /* names escaped in attributes, newline/tab/CR as character references */
    assert_non_null(
        strstr(x, "<node id=\"A &quot;quoted&quot; name\" label=\"A &quot;quoted&quot; name\">"));
    assert_non_null(strstr(x, "id=\"Line&#10;break &lt;tag&gt; &amp; amp&#13;&#9;\""));
    assert_non_null(strstr(x, "<spells><spell start=\"2024-01-05\" end=\"2024-02-01\"/></spells>"));
    /* 2024-02-30 is not a date: no spell for that node */
    assert_null(strstr(x, "2024-02-30\"/></spells>"));
    /* colour by community 0 = the first palette colour, position only with x and y */
    assert_non_null(strstr(x, "<viz:color r=\"59\" g=\"117\" b=\"175\"/>"));
    assert_non_null(strstr(x, "<viz:position x=\"1.5\" y=\"-2.0\" z=\"0.0\"/>"));
    assert_null(strstr(strstr(x, "<viz:position") + 1, "<viz:position")); /* only once */
    assert_non_null(strstr(x, "weight=\"1e+20\""));
    free(x);

    /* no dates at all: a static graph */
    json_object_del(ag_node_attrs(g, 0), "first_date");
    json_object_del(ag_node_attrs(g, 0), "last_date");
    json_object_del(ag_node_attrs(g, 1), "first_date");
    x = write_str(g, AG_FMT_GEXF);
    assert_non_null(strstr(x, "mode=\"static\""));
    assert_null(strstr(x, "<spells>"));
    free(x);
    ag_graph_free(g);
}

static void test_formats__xml_replaces_what_xml_cannot_carry(void **state)
{
    ag_error err;
    ag_graph *g = ag_graph_new(0), *h;
    char *x;

    assert_non_null(g);
    ag_error_clear(&err);
    /* a control character and a stray byte (an edge-list reader does not check UTF-8) */
    assert_true(ag_graph_add_node(g, "bell\x07 bad\xff end", &err) >= 0);
    x = write_str(g, AG_FMT_GRAPHML);
    assert_non_null(strstr(x, "bell\xEF\xBF\xBD bad\xEF\xBF\xBD end"));
    h = read_str(x, AG_FMT_GRAPHML, &err);
    assert_non_null(h);
    assert_true(ag_graph_find_node(h, "bell\xEF\xBF\xBD bad\xEF\xBF\xBD end") >= 0);
    free(x);
    ag_graph_free(g);
    ag_graph_free(h);
}

/* ------------------------------------------------------------------ GML */

static void test_formats__gml_round_trip(void **state)
{
    ag_graph *g = tricky(), *h;
    char *t = write_str(g, AG_FMT_GML);
    ag_error err;

    assert_non_null(strstr(t, "label \"A &quot;quoted&quot; name\""));
    assert_non_null(strstr(t, "label \"Line&#10;break <tag> &amp; amp&#13;&#9;\""));
    assert_non_null(strstr(t, "label \"Zo&#235; &#197;ngstr&#246;m &#26481;&#20140;\""));
    assert_non_null(strstr(t, "label \"Back\\slash {brace}\""));
    assert_non_null(strstr(t, "weight 1.0e+20"));
    assert_non_null(strstr(t, "met 1"));
    assert_non_null(strstr(t, "aliases \"Quoted; Q\""));
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        assert_true(*p < 0x80);
    h = read_str(t, AG_FMT_AUTO, &err);
    if (!h)
        fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
    /* names, numbers and plain strings come back exactly; GML has no lists or booleans */
    assert_int_equal(ag_graph_node_count(h), 4);
    for (size_t i = 0; i < 4; i++)
        assert_true(ag_graph_find_node(h, ag_node_id(g, i)) >= 0);
    assert_int_equal(ag_graph_edge_count(h), 3);
    assert_true(ag_edge_weight(h, 2) == 1e20);
    assert_true(ag_attr_number(ag_node_attrs_const(h, 2), "mentions", 0) == 12345678901.0);
    assert_string_equal(ag_attr_string(ag_node_attrs_const(h, 0), "aliases"), "Quoted; Q");
    assert_string_equal(ag_attr_string(ag_graph_attrs_const(h), "title"), "a <b> & \"c\"");
    free(t);
    ag_graph_free(g);
    ag_graph_free(h);
}

/* What networkx and igraph write: lists as repeated keys, raw UTF-8, comments. */
static void test_formats__gml_others(void **state)
{
    static const char nx[] =
        "graph [\n  directed 1\n  name \"g\"\n  node [\n    id 0\n    label \"a\"\n"
        "    tags \"_networkx_list_start\"\n    tags \"x\"\n  ]\n"
        "  node [\n    id 1\n    label \"b\"\n    tags \"x\"\n    tags \"y\"\n"
        "    pos [ x 1.0 y 2 ]\n  ]\n  edge [\n    source 0\n    target 1\n    weight 2\n  ]\n]\n";
    static const char ig[] =
        "Creator \"igraph version 0.10.2\"\nVersion 1\ngraph\n[\n  directed 0\n"
        "  # a comment\n  node\n  [\n    id 0\n    name \"Zo\xc3\xab &quot;q&quot;\"\n  ]\n"
        "  node [ id 1 ]\n  edge [ source 1 target 0 w -INF ]\n]\n";
    ag_error err;
    ag_graph *g = read_str(nx, AG_FMT_AUTO, &err);
    const json_t *a;

    if (!g)
        fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
    assert_true(ag_graph_is_directed(g));
    a = ag_node_attrs_const(g, 0);
    assert_int_equal(json_array_size(json_object_get(a, "tags")), 1);
    a = ag_node_attrs_const(g, 1);
    assert_int_equal(json_array_size(json_object_get(a, "tags")), 2);
    assert_true(json_is_object(json_object_get(a, "pos")));
    assert_true(ag_edge_weight(g, 0) == 2);
    assert_string_equal(ag_attr_string(ag_graph_attrs_const(g), "name"), "g");
    ag_graph_free(g);

    g = read_str(ig, AG_FMT_AUTO, &err);
    if (!g)
        fail_msg("%ld:%ld: %s", err.line, err.col, err.msg);
    assert_false(ag_graph_is_directed(g));
    /* igraph's "name" names the node; without one the GML id does */
    assert_true(ag_graph_find_node(g, "Zo\xc3\xab \"q\"") >= 0);
    assert_null(ag_node_attrs_const(g, 0));
    assert_true(ag_graph_find_node(g, "1") >= 0);
    assert_false(ag_graph_has_integer_ids(g));
    /* jansson has no infinities: kept as the text the JSON writer uses */
    assert_string_equal(ag_attr_string(ag_edge_attrs_const(g, 0), "w"), "-Infinity");
    ag_graph_free(g);
}

/* networkx graphs with integer nodes come back with integer ids from GraphML and GML. */
static void test_formats__integer_ids_round_trip(void **state)
{
    static const ag_format fmts[] = {AG_FMT_GRAPHML, AG_FMT_GML};
    ag_error err;
    ag_graph *g = read_str("{\"directed\": false, \"multigraph\": false, \"graph\": {}, "
                           "\"nodes\": [{\"id\": 2}, {\"id\": 10, \"w\": 1}], \"links\": "
                           "[{\"source\": 2, \"target\": 10, \"weight\": 3}]}",
                           AG_FMT_JSON, &err);
    assert_non_null(g);
    assert_true(ag_graph_has_integer_ids(g));
    for (size_t k = 0; k < 2; k++) {
        char *t = write_str(g, fmts[k]);
        ag_graph *h = read_str(t, AG_FMT_AUTO, &err);
        if (!h)
            fail_msg("%s: %ld: %s", ag_format_name(fmts[k]), err.line, err.msg);
        assert_true(ag_graph_has_integer_ids(h));
        assert_same_graph(g, h);
        free(t);
        ag_graph_free(h);
    }
    ag_graph_free(g);
}

/* Without labels or names, integer GML ids stay integers. */
static void test_formats__gml_integer_ids(void **state)
{
    ag_error err;
    ag_graph *g = read_str("graph [ node [ id 3 ] node [ id 10 ] edge [ source 10 target 3 ] ]",
                           AG_FMT_GML, &err);
    char *j;
    assert_non_null(g);
    assert_true(ag_graph_has_integer_ids(g));
    j = write_str(g, AG_FMT_JSON);
    assert_non_null(strstr(j, "{\"source\": 10, \"target\": 3}"));
    free(j);
    ag_graph_free(g);
}

static void test_formats__gml_errors(void **state)
{
    ag_error err;
    ag_graph *g;

    g = read_str("graph [\n  node [ id 0 label \"a ]\n]\n", AG_FMT_GML, &err);
    assert_null(g);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "string not closed"));

    g = read_str("graph [\n  node [ id 0 ]\n  edge [ source 0 target 7 ]\n]\n", AG_FMT_GML, &err);
    assert_null(g);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.col, 3);
    assert_non_null(strstr(err.msg, "undefined node 7"));

    g = read_str("graph [\n  node [ id 0 ]\n  node [ id 0 ]\n]\n", AG_FMT_GML, &err);
    assert_null(g);
    assert_int_equal(err.line, 3);

    g = read_str("graph [\n  node [ id 0 \n", AG_FMT_GML, &err);
    assert_null(g);
    assert_non_null(strstr(err.msg, "missing ']'"));

    g = read_str("graph [\n  x @\n]", AG_FMT_GML, &err);
    assert_null(g);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.col, 5);
}

/* ------------------------------------------------------------------ CSV */

static char *slurp(const char *path)
{
    ag_error err;
    size_t len;
    char *s;
    ag_error_clear(&err);
    s = ag_read_file(path, 1 << 20, &len, &err);
    if (!s)
        fail_msg("%s: %s", path, err.msg);
    return s;
}

static void test_formats__csv(void **state)
{
    char dir[] = "/tmp/ag-test-csv-XXXXXX", path[256];
    ag_graph *g = tricky();
    ag_error err;
    char *nodes, *edges;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out/", dir);
    ag_error_clear(&err);
    assert_int_equal(ag_graph_write_csv(g, path, &err), 0);
    snprintf(path, sizeof path, "%s/out/nodes.csv", dir);
    nodes = slurp(path);
    unlink(path);
    snprintf(path, sizeof path, "%s/out/edges.csv", dir);
    edges = slurp(path);
    unlink(path);
    assert_non_null(strstr(nodes, "Id,Label,type,mentions,aliases,roles,first_date,last_date,"
                                  "community,pagerank,x,y,ratio,flag\n"));
    assert_non_null(strstr(nodes, "\n\"A \"\"quoted\"\" name\",\"A \"\"quoted\"\" name\",person,3,"
                                  "Quoted; Q,\"[\"\"minister\"\"]\",2024-01-05,"));
    assert_non_null(strstr(nodes, "\n\"Line\nbreak <tag> & amp\r\t\","));
    assert_non_null(strstr(nodes, "\nBack\\slash {brace},Back\\slash {brace},org,"));
    assert_non_null(strstr(edges, "Source,Target,Weight,Type,met,evidence\n"));
    assert_non_null(strstr(edges, "2.0,Undirected,true,\"[{\"\"doc\"\":\"\"d1\"\","));
    free(nodes);
    free(edges);

    /* a prefix, with its .csv dropped */
    snprintf(path, sizeof path, "%s/graph.csv", dir);
    assert_int_equal(ag_graph_write_csv(g, path, &err), 0);
    snprintf(path, sizeof path, "%s/graph_nodes.csv", dir);
    assert_int_equal(access(path, R_OK), 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/graph_edges.csv", dir);
    assert_int_equal(access(path, R_OK), 0);
    unlink(path);

    /* stdout cannot hold two tables */
    assert_int_equal(ag_graph_write_csv(g, "-", &err), -1);
    assert_int_equal(err.code, AG_EINVAL);
    snprintf(path, sizeof path, "%s/out", dir);
    rmdir(path);
    rmdir(dir);
    ag_graph_free(g);
}

/* ------------------------------------------------------------------ style */

static void test_formats__style(void **state)
{
    ag_graph *g = tricky();
    ag_style st = AG_STYLE_INIT;
    ag_error err;
    ag_rgb c, d;
    char hex[8];

    ag_error_clear(&err);
    assert_int_equal(ag_style_prepare(&st, g, NULL, &err), 0);
    assert_int_equal(st.color_by, AG_COLOR_BY_COMMUNITY);
    assert_int_equal(st.size_by, AG_SIZE_BY_MEASURE);
    assert_string_equal(st.size_measure, "pagerank");
    c = ag_style_node_color(&st, g, 0);
    d = ag_style_palette(0);
    assert_memory_equal(&c, &d, sizeof c);
    /* the node without a community is grey, not type-coloured */
    c = ag_style_node_color(&st, g, 3);
    d = ag_style_palette(-1);
    assert_memory_equal(&c, &d, sizeof c);
    /* sizes: largest pagerank -> max, smallest -> min, missing -> min */
    assert_true(ag_style_node_size(&st, g, 0) == 50.0);
    assert_true(ag_style_node_size(&st, g, 2) == 10.0);
    assert_true(ag_style_node_size(&st, g, 3) == 10.0);
    assert_true(ag_style_edge_width(&st, g, 2) == 6.0);
    ag_style_hex(ag_style_palette(0), hex, sizeof hex);
    assert_string_equal(hex, "#3b75af");
    /* palette colours beyond the fixed ones stay distinct */
    for (long i = 0; i < 40; i++)
        for (long j = 0; j < i; j++) {
            c = ag_style_palette(i);
            d = ag_style_palette(j);
            assert_true(memcmp(&c, &d, sizeof c) != 0);
        }

    /* explicit viz_* attributes win; no measure: sizes from the degree */
    for (size_t i = 0; i < ag_graph_node_count(g); i++)
        json_object_del(ag_node_attrs(g, i), "pagerank");
    json_object_set_new(ag_node_attrs(g, 1), "viz_r", json_integer(1));
    json_object_set_new(ag_node_attrs(g, 1), "viz_g", json_integer(2));
    json_object_set_new(ag_node_attrs(g, 1), "viz_b", json_real(300));
    assert_int_equal(ag_style_prepare(&st, g, NULL, &err), 0);
    assert_int_equal(st.color_by, AG_COLOR_BY_VIZ);
    assert_int_equal(st.size_by, AG_SIZE_BY_DEGREE);
    c = ag_style_node_color(&st, g, 1);
    assert_int_equal(c.r, 1);
    assert_int_equal(c.b, 255);
    assert_true(ag_style_node_size(&st, g, 0) == 50.0); /* degree 2 */
    assert_true(ag_style_node_size(&st, g, 1) == 10.0); /* degree 1 */
    ag_style_destroy(&st);

    /* by type when there are no communities */
    for (size_t i = 0; i < ag_graph_node_count(g); i++)
        json_object_del(ag_node_attrs(g, i), "community");
    json_object_del(ag_node_attrs(g, 1), "viz_r");
    assert_int_equal(ag_style_prepare(&st, g, NULL, &err), 0);
    assert_int_equal(st.color_by, AG_COLOR_BY_TYPE);
    c = ag_style_node_color(&st, g, 1);
    d = ag_style_type_color(AG_ACTOR_ORG);
    assert_memory_equal(&c, &d, sizeof c);
    ag_style_destroy(&st);
    ag_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats__graphml_round_trip),
        cmocka_unit_test(test_formats__graphml_raw_ids),
        cmocka_unit_test(test_formats__graphml_networkx),
        cmocka_unit_test(test_formats__graphml_yed),
        cmocka_unit_test(test_formats__graphml_refuses_entities),
        cmocka_unit_test(test_formats__graphml_refuses_utf16_doctype),
        cmocka_unit_test(test_formats__graphml_errors),
        cmocka_unit_test(test_formats__graphml_parallel_edges),
        cmocka_unit_test(test_formats__gexf),
        cmocka_unit_test(test_formats__xml_replaces_what_xml_cannot_carry),
        cmocka_unit_test(test_formats__gml_round_trip),
        cmocka_unit_test(test_formats__gml_others),
        cmocka_unit_test(test_formats__gml_integer_ids),
        cmocka_unit_test(test_formats__integer_ids_round_trip),
        cmocka_unit_test(test_formats__gml_errors),
        cmocka_unit_test(test_formats__csv),
        cmocka_unit_test(test_formats__style),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
