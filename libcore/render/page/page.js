/*
 * page.js - the script of ag-render's interactive page; html.c embeds it after d3 v5.
 *
 * The graph comes from the JSON in #ag-data, written by html.c:
 *   title, directed, colorBy ("community" or "type"), metOnly, anyMet, total and
 *   candidates (actors before the selection), measure (the size measure, or null);
 *   nodes[]: id, label (lines joined by "\n"), type, c (community, -1: none), x, y, w, h
 *     (centre and box in points, y downwards: the Graphviz layout of the pictures), fs
 *     (font size), shape (rounded, box, hexagon, octagon, ellipse), fill, line (colours),
 *     and when known roles[], aliases[], country, mentions, docs, first and last (dates;
 *     last is left out when it is first), m (measures: {name: value});
 *   links[]: s, t (node indexes), w (weight), pw (pen width), and when known met, docs,
 *     first, last, mev[] and ev[] (meeting and other evidence: [doc, sentence] indexes);
 *   docs[]: [id, date or null]; sents[]: the evidence sentences.
 *
 * The rule that matters: text from the data reaches the DOM only through textContent or
 * attribute values, never as markup, so a name like "<img src=x onerror=...>" is
 * shown as it is.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('ag-data').textContent);
  var nodes = data.nodes, links = data.links;
  var TYPES = ['person', 'org', 'country', 'place', 'other'];
  var TYPE_TITLE = {person: 'person', org: 'organisation', country: 'country',
                    place: 'place', other: 'other'};
  var SHAPE_TITLE = {rounded: 'rounded box', box: 'box', hexagon: 'hexagon',
                     octagon: 'octagon', ellipse: 'ellipse'};
  var MAX_LEGEND = 12;   // communities named in the legend, as in the pictures
  var LEGEND_NAMES = 3;  // members named per community
  var PANEL_LINKS = 30;  // links (with their evidence) listed in an actor's panel

  // ------------------------------------------------------------------ helpers

  // A new element: props sets text (as textContent), class, on<event> listeners and
  // attributes; children are elements or strings (as text nodes).
  function el(tag, props, children) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v == null) return;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    });
    (children || []).forEach(function (c) {
      if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function fmt(v) { return Number.isInteger(v) ? String(v) : String(+v.toPrecision(4)); }
  function dates(x) {
    if (!x.first && !x.last) return null;
    return x.first === x.last || !x.last ? x.first : (x.first || '') + ' \u2013 ' + x.last;
  }

  // ------------------------------------------------------------------ the graph

  nodes.forEach(function (n, i) {
    n.index = i;
    n.visible = true;
    n.links = [];
    n.names = [n.id].concat(n.aliases || []);
    n.lower = n.names.map(function (s) { return s.toLowerCase(); });
  });
  links.forEach(function (l, k) {
    l.index = k;
    l.visible = true;
    nodes[l.s].links.push(l);
    nodes[l.t].links.push(l);
  });
  function score(n) {
    var v = data.measure && n.m ? n.m[data.measure] : undefined;
    return typeof v === 'number' ? v : data.measure ? -Infinity : n.links.length;
  }
  function byRank(a, b) { return score(b) - score(a) || cmp(a.id, b.id); }
  function other(l, n) { return nodes[l.s === n.index ? l.t : l.s]; }

  var typesPresent = TYPES.filter(function (t) {
    return nodes.some(function (n) { return n.type === t; });
  });
  var weights = Array.from(new Set(links.map(function (l) { return l.w; })))
    .sort(function (a, b) { return a - b; });
  var allDates = Array.from(new Set([].concat.apply([], nodes.concat(links).map(function (x) {
    return [x.first, x.last];
  })).filter(Boolean))).sort();

  // ------------------------------------------------------------------ title and legend

  function subtitle() {
    var nn = nodes.length, size = data.measure || 'number of links';
    var s = data.metOnly ? data.candidates + ' of ' + data.total + ' actors met another'
                         : plural(data.total, 'actor');
    if (nn < data.candidates) s += '; the ' + nn + ' ranked highest by ' + size + ' are drawn';
    s += '. ' + plural(links.length, 'link') + '. Size: ' + size + '. ';
    s += data.metOnly ? 'Links: the actors met. '
       : data.anyMet ? 'Red links: the actors met; grey: named together. '
       : 'Links: named together. ';
    return s + 'Width: how often.';
  }

  // Communities, each with its colour and its best-ranked members (the pictures' legend).
  var communities = (function () {
    var by = new Map(), out = [], small = null;
    nodes.forEach(function (n) {
      if (n.c < 0) return;
      if (!by.has(n.c)) by.set(n.c, []);
      by.get(n.c).push(n);
    });
    Array.from(by.keys()).sort(function (a, b) { return a - b; }).forEach(function (c) {
      var m = by.get(c).sort(byRank);
      if (c >= MAX_LEGEND) { small = small || m[0]; return; }
      var names = m.slice(0, LEGEND_NAMES).map(function (n) { return n.id; }).join(', ');
      if (m.length > LEGEND_NAMES) names += ' +' + (m.length - LEGEND_NAMES);
      out.push({value: String(c), color: m[0].line, text: names});
    });
    if (small) out.push({value: 'small', color: small.line, text: 'smaller communities'});
    return out;
  })();

  function header() {
    var legend = el('div', {class: 'legend'});
    if (data.colorBy === 'community') {
      communities.forEach(function (c) {
        legend.appendChild(el('button', {title: 'Show only this community', onclick: function () {
          communitySelect.value = c.value;
          state.community = c.value;
          apply();
        }}, [el('span', {class: 'swatch', style: 'background:' + c.color}), c.text]));
      });
    } else {
      typesPresent.forEach(function (t) {
        var n = nodes.find(function (x) { return x.type === t; });
        legend.appendChild(el('span', null, [el('span', {class: 'swatch',
          style: 'background:' + n.line}), TYPE_TITLE[t]]));
      });
    }
    var shapes = null;
    if (data.colorBy === 'community' && typesPresent.some(function (t) { return t !== 'other'; })) {
      shapes = 'Colour: community. Shape: ' + typesPresent.filter(function (t) {
        return t !== 'other';
      }).map(function (t) {
        var n = nodes.find(function (x) { return x.type === t; });
        return (SHAPE_TITLE[n.shape] || n.shape) + ' ' + TYPE_TITLE[t];
      }).join(', ') + '.';
    }
    return el('header', {id: 'ag-head'}, [el('h1', {text: data.title}),
      el('p', {class: 'sub', text: subtitle()}), legend,
      shapes && el('p', {class: 'shapes', text: shapes})]);
  }

  // ------------------------------------------------------------------ controls

  var state = {types: new Set(typesPresent), community: 'all', metOnly: false, minW: 0,
               from: 0, to: Math.max(allDates.length - 1, 0)};
  var communitySelect, countText, searchInput, results;

  function tools() {
    var bar = el('div', {id: 'ag-tools'});
    searchInput = el('input', {type: 'search', placeholder: 'Search an actor or alias',
                               'aria-label': 'Search an actor or alias'});
    results = el('ul', {hidden: ''});
    searchInput.addEventListener('input', function () { showResults(find(searchInput.value)); });
    searchInput.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        var hits = find(searchInput.value);
        if (hits.length) pick(hits[0].node);
      } else if (ev.key === 'Escape') {
        searchInput.value = '';
        showResults([]);
      } else if (ev.key === 'ArrowDown' && results.firstChild) {
        results.firstChild.firstChild.focus();
        ev.preventDefault();
      }
    });
    bar.appendChild(el('div', {class: 'search'}, [searchInput, results]));

    bar.appendChild(el('span', null, typesPresent.map(function (t) {
      var box = el('input', {type: 'checkbox', checked: '', 'data-type': t, onchange: function () {
        if (box.checked) state.types.add(t); else state.types.delete(t);
        apply();
      }});
      return el('label', null, [box, ' ' + TYPE_TITLE[t] + ' ']);
    })));

    if (communities.length) {
      communitySelect = el('select', {'aria-label': 'Community', onchange: function () {
        state.community = communitySelect.value;
        apply();
      }}, [el('option', {value: 'all', text: 'all communities'})].concat(
        communities.map(function (c) {
          return el('option', {value: c.value, text: (c.value === 'small' ? '' : c.value + ': ') + c.text});
        })));
      bar.appendChild(el('label', null, ['Community ', communitySelect]));
    }

    var met = el('input', {type: 'checkbox', id: 'ag-met-only', onchange: function () {
      state.metOnly = met.checked;
      apply();
    }});
    if (!data.anyMet || data.metOnly) met.disabled = true;
    bar.appendChild(el('label', {title: 'Only the links whose actors met'}, [met, ' met only']));

    if (weights.length > 1) {
      var wOut = el('span', {text: fmt(weights[0])});
      var w = el('input', {type: 'range', min: 0, max: weights.length - 1, value: 0,
                           'aria-label': 'Minimum weight', oninput: function () {
        state.minW = weights[+w.value];
        wOut.textContent = fmt(state.minW);
        apply();
      }});
      bar.appendChild(el('label', null, ['min. weight ', w, ' ', wOut]));
    }

    if (allDates.length > 1) {
      var last = allDates.length - 1;
      var span = el('span', {text: allDates[0] + ' \u2013 ' + allDates[last]});
      var from = el('input', {type: 'range', min: 0, max: last, value: 0, 'aria-label': 'From'});
      var to = el('input', {type: 'range', min: 0, max: last, value: last, 'aria-label': 'To'});
      var onDate = function (ev) {
        if (+from.value > +to.value) {
          if (ev.target === from) to.value = from.value; else from.value = to.value;
        }
        state.from = +from.value;
        state.to = +to.value;
        span.textContent = allDates[state.from] + ' \u2013 ' + allDates[state.to];
        apply();
      };
      from.addEventListener('input', onDate);
      to.addEventListener('input', onDate);
      bar.appendChild(el('label', {title: 'Dates of the actors and links shown'},
                         ['dates ', from, to, ' ', span]));
    }

    bar.appendChild(el('button', {type: 'button', text: 'Fit', title: 'Show the whole graph',
                                  onclick: function () { fit(true); }}));
    countText = el('span', {class: 'count'});
    bar.appendChild(countText);
    return bar;
  }

  // ------------------------------------------------------------------ search

  // Actors whose name or an alias contains q: exact, then prefix, then substring
  // matches, each by rank; at most 12.
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    nodes.forEach(function (n) {
      var best = 0, which = 0;
      n.lower.forEach(function (s, k) {
        var r = s === q ? 3 : s.lastIndexOf(q, 0) === 0 ? 2 : s.indexOf(q) >= 0 ? 1 : 0;
        if (r > best) { best = r; which = k; }
      });
      if (best) hits.push({node: n, rank: best, alias: which ? n.names[which] : null});
    });
    hits.sort(function (a, b) { return b.rank - a.rank || byRank(a.node, b.node); });
    return hits.slice(0, 12);
  }

  function showResults(hits) {
    results.textContent = '';
    hits.forEach(function (h) {
      results.appendChild(el('li', null, [el('button', {type: 'button', onclick: function () {
        pick(h.node);
      }}, [h.node.id, h.alias && el('span', {class: 'alias', text: ' (' + h.alias + ')'})])]));
    });
    results.hidden = !hits.length;
  }

  function pick(n) {
    showResults([]);
    select({node: n});
    zoomTo(n);
  }

  // ------------------------------------------------------------------ drawing

  document.body.insertBefore(header(), document.body.firstChild);
  document.body.appendChild(tools());
  var main = el('div', {id: 'ag-main'});
  var panel = el('aside', {id: 'ag-panel', hidden: '', 'aria-live': 'polite'});
  document.body.appendChild(main);
  var svg = d3.select(main).append('svg').attr('id', 'ag-svg');
  main.appendChild(panel);
  var view = svg.append('g');

  // Met links drawn above the others.
  var linkOrder = links.filter(function (l) { return !l.met; })
    .concat(links.filter(function (l) { return l.met; }));
  // Directed graphs: an arrowhead where the link meets the target's box.
  if (data.directed) {
    var defs = svg.append('defs');
    [['ag-arrow', 'link'], ['ag-arrow-met', 'link met']].forEach(function (m) {
      defs.append('marker').attr('id', m[0]).attr('viewBox', '0 0 10 10').attr('refX', 10)
        .attr('refY', 5).attr('markerWidth', 9).attr('markerHeight', 9)
        .attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
        .append('path').attr('d', 'M0,0L10,5L0,10z').attr('class', m[1] + ' head');
    });
  }
  function end(l) {
    var a = nodes[l.s], b = nodes[l.t], dx = b.x - a.x, dy = b.y - a.y;
    if (!data.directed || (!dx && !dy)) return [b.x, b.y];
    var t = Math.min(dx ? b.w / 2 / Math.abs(dx) : Infinity, dy ? b.h / 2 / Math.abs(dy) : Infinity);
    return [b.x - dx * Math.min(t, 1), b.y - dy * Math.min(t, 1)];
  }
  var linkSel = view.append('g').selectAll('line').data(linkOrder).enter().append('line')
    .attr('class', function (l) { return l.met ? 'link met' : 'link'; })
    .attr('x1', function (l) { return nodes[l.s].x; })
    .attr('y1', function (l) { return nodes[l.s].y; })
    .attr('x2', function (l) { return end(l)[0]; })
    .attr('y2', function (l) { return end(l)[1]; })
    .attr('stroke-width', function (l) { return Math.max(l.pw, 1.2); })
    .attr('marker-end', data.directed ? function (l) {
      return l.met ? 'url(#ag-arrow-met)' : 'url(#ag-arrow)';
    } : null);
  var nodeSel = view.append('g').selectAll('g').data(nodes).enter().append('g')
    .attr('class', 'node')
    .attr('transform', function (n) { return 'translate(' + n.x + ',' + n.y + ')'; });
  var linkEls = [], nodeEls = [];
  linkSel.each(function (l) { linkEls[l.index] = this; });
  nodeSel.each(function (n) {
    nodeEls[n.index] = this;
    drawNode(d3.select(this), n);
  });

  // The node's shape as in the pictures (sized by the layout), then its label lines.
  function drawNode(g, n) {
    var w = n.w / 2, h = n.h / 2, a = 0.4142, s;
    var poly = function (pts) { return g.append('polygon').attr('points', pts.join(' ')); };
    if (n.shape === 'ellipse') {
      s = g.append('ellipse').attr('rx', w).attr('ry', h);
    } else if (n.shape === 'hexagon') {
      s = poly([[-w, 0], [-w / 2, -h], [w / 2, -h], [w, 0], [w / 2, h], [-w / 2, h]]);
    } else if (n.shape === 'octagon') {
      s = poly([[-w, -h * a], [-w * a, -h], [w * a, -h], [w, -h * a], [w, h * a], [w * a, h],
                [-w * a, h], [-w, h * a]]);
    } else {
      s = g.append('rect').attr('x', -w).attr('y', -h).attr('width', n.w).attr('height', n.h);
      if (n.shape === 'rounded') s.attr('rx', Math.min(h, 6));
    }
    s.attr('fill', n.fill).attr('stroke', n.line).attr('stroke-width', 1.4);
    var lines = n.label.split('\n'), lh = n.fs * 1.15;
    var t = g.append('text').attr('text-anchor', 'middle').attr('font-size', n.fs);
    lines.forEach(function (line, k) {
      t.append('tspan').attr('x', 0)
        .attr('y', (k - (lines.length - 1) / 2) * lh + n.fs * 0.35).text(line);
    });
  }

  // Pan and zoom.
  var zoom = d3.zoom().scaleExtent([0.02, 40]).on('zoom', function () {
    view.attr('transform', d3.event.transform);
  });
  svg.call(zoom).on('dblclick.zoom', null);

  function fit(animate) {
    var shown = nodes.filter(function (n) { return n.visible !== false; });
    if (!shown.length) shown = nodes;
    if (!shown.length) return;
    var x0 = d3.min(shown, function (n) { return n.x - n.w / 2; });
    var x1 = d3.max(shown, function (n) { return n.x + n.w / 2; });
    var y0 = d3.min(shown, function (n) { return n.y - n.h / 2; });
    var y1 = d3.max(shown, function (n) { return n.y + n.h / 2; });
    var box = svg.node().getBoundingClientRect(), pad = 20;
    var k = Math.min((box.width - 2 * pad) / (x1 - x0 || 1), (box.height - 2 * pad) / (y1 - y0 || 1), 2);
    var t = d3.zoomIdentity.translate(box.width / 2 - k * (x0 + x1) / 2,
                                      box.height / 2 - k * (y0 + y1) / 2).scale(k);
    (animate ? svg.transition().duration(400) : svg).call(zoom.transform, t);
  }

  function zoomTo(n) {
    var box = svg.node().getBoundingClientRect();
    var k = Math.max(d3.zoomTransform(svg.node()).k, 1.2);
    svg.transition().duration(500).call(zoom.transform,
      d3.zoomIdentity.translate(box.width / 2 - k * n.x, box.height / 2 - k * n.y).scale(k));
  }

  // ------------------------------------------------------------------ highlight

  var selected = null, lit = [];

  // Light up an actor with its links and neighbours, or a link with its two actors.
  function highlight(sel) {
    lit.forEach(function (e) { e.classList.remove('hi'); });
    lit = [];
    svg.classed('focus', !!sel);
    if (!sel) return;
    if (sel.node) {
      lit.push(nodeEls[sel.node.index]);
      sel.node.links.forEach(function (l) {
        if (!l.visible) return;
        lit.push(linkEls[l.index], nodeEls[other(l, sel.node).index]);
      });
    } else {
      lit.push(linkEls[sel.link.index], nodeEls[sel.link.s], nodeEls[sel.link.t]);
    }
    lit.forEach(function (e) { e.classList.add('hi'); });
  }

  function select(sel) {
    nodeSel.classed('sel', false);
    linkSel.classed('sel', false);
    selected = sel;
    highlight(sel);
    if (!sel) {
      panel.hidden = true;
      return;
    }
    if (sel.node) {
      nodeEls[sel.node.index].classList.add('sel');
      showPanel(nodePanel(sel.node));
      keepInView(sel.node.x, sel.node.y);
    } else {
      var a = nodes[sel.link.s], b = nodes[sel.link.t];
      linkEls[sel.link.index].classList.add('sel');
      showPanel(linkPanel(sel.link));
      keepInView((a.x + b.x) / 2, (a.y + b.y) / 2);
    }
  }

  // The panel takes room from the drawing: bring the selection back into view.
  function keepInView(x, y) {
    var t = d3.zoomTransform(svg.node()), box = svg.node().getBoundingClientRect();
    var px = t.applyX(x), py = t.applyY(y), m = 40;
    if (px < m || py < m || px > box.width - m || py > box.height - m)
      svg.transition().duration(400).call(zoom.translateTo, x, y);
  }

  nodeSel.on('mouseenter', function (n) { highlight({node: n}); })
    .on('mouseleave', function () { highlight(selected); })
    .on('click', function (n) {
      d3.event.stopPropagation();
      select({node: n});
    });
  linkSel.on('mouseenter', function (l) { highlight({link: l}); })
    .on('mouseleave', function () { highlight(selected); })
    .on('click', function (l) {
      d3.event.stopPropagation();
      select({link: l});
    });
  svg.on('click', function () { select(null); });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && ev.target !== searchInput) select(null);
  });

  // ------------------------------------------------------------------ the side panel

  function showPanel(children) {
    panel.textContent = '';
    panel.appendChild(el('button', {type: 'button', class: 'close', title: 'Close',
      'aria-label': 'Close', text: '\u00d7', onclick: function () { select(null); }}));
    children.forEach(function (c) { if (c) panel.appendChild(c); });
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function actorButton(n) {
    return el('button', {type: 'button', class: 'actor', text: n.id, onclick: function () {
      pick(n);
    }});
  }

  // A definition list of [term, text] rows, empty texts left out.
  function facts(rows) {
    var dl = el('dl');
    rows.forEach(function (r) {
      if (r[1] == null || r[1] === '') return;
      dl.appendChild(el('dt', {text: r[0]}));
      dl.appendChild(el('dd', {text: r[1]}));
    });
    return dl;
  }

  // The evidence sentences of a link: meeting evidence first, each with its document.
  function evidence(l) {
    var items = (l.mev || []).map(function (e) { return [e, true]; })
      .concat((l.ev || []).map(function (e) { return [e, false]; }));
    if (!items.length) return null;
    return el('ul', {class: 'evidence'}, items.map(function (it) {
      var doc = it[0][0] >= 0 ? data.docs[it[0][0]] : null;
      var src = [it[1] ? 'they met' : null, doc && doc[0], doc && doc[1]].filter(Boolean);
      return el('li', {class: it[1] ? 'met' : null}, [
        el('div', {class: 'sentence', text: data.sents[it[0][1]]}),
        el('div', {class: 'src', text: src.join(' \u00b7 ')})]);
    }));
  }

  // "named together 3 times in 2 documents; they met", as the pictures' tooltips say.
  function describe(l) {
    var s = l.docs != null || l.ev || l.met
      ? 'named together ' + fmt(l.w) + (l.w === 1 ? ' time' : ' times') : 'weight ' + fmt(l.w);
    if (l.docs != null) s += ' in ' + plural(l.docs, 'document');
    return l.met ? s + '; they met' : s;
  }

  function nodePanel(n) {
    var ls = n.links.slice().sort(function (a, b) {
      return (b.met ? 1 : 0) - (a.met ? 1 : 0) || b.w - a.w || cmp(other(a, n).id, other(b, n).id);
    });
    var m = n.m ? Object.keys(n.m).map(function (k) { return [k, fmt(n.m[k])]; }) : [];
    var list = el('ul', {class: 'links'}, ls.slice(0, PANEL_LINKS).map(function (l) {
      return el('li', null, [actorButton(other(l, n)), ' ',
        el('span', {class: l.met ? 'met-badge' : null, text: describe(l)}), ' ',
        el('button', {type: 'button', class: 'actor', text: 'link \u203a',
                      title: 'This link alone', onclick: function () { select({link: l}); }}),
        evidence(l)]);
    }));
    return [el('h2', {text: n.id}),
      el('div', {class: 'kind', text: TYPE_TITLE[n.type] + (n.c >= 0 ? ', community ' + n.c : '')}),
      facts([['Roles', (n.roles || []).join(', ')], ['Aliases', (n.aliases || []).join(', ')],
             ['Country', n.country],
             ['Mentions', n.mentions != null ? fmt(n.mentions) + (n.docs != null ?
               ' in ' + plural(n.docs, 'document') : '') : null],
             ['Dates', dates(n)]]),
      m.length ? el('h3', {text: 'Measures'}) : null,
      m.length ? facts(m) : null,
      el('h3', {text: plural(ls.length, 'link')}),
      list,
      ls.length > PANEL_LINKS ? el('p', {class: 'more',
        text: 'and ' + plural(ls.length - PANEL_LINKS, 'more link')}) : null];
  }

  function linkPanel(l) {
    var a = nodes[l.s], b = nodes[l.t];
    return [el('h2', null, [actorButton(a), data.directed ? ' \u2192 ' : ' \u2014 ', actorButton(b)]),
      el('div', {class: 'kind' + (l.met ? ' met-badge' : ''), text: describe(l)}),
      facts([['Dates', dates(l)]]),
      el('h3', {text: 'Evidence'}),
      evidence(l) || el('p', {class: 'more', text: 'No evidence sentences in the graph.'})];
  }

  // ------------------------------------------------------------------ filters

  // Actors pass the type, community and date filters; links pass met-only, the minimum
  // weight and the dates and join two passing actors. While a link filter is on, actors
  // left without a link are hidden too. Undated actors and links pass the date filter.
  function apply() {
    var lo = allDates[state.from], hi = allDates[state.to];
    var narrowed = allDates.length > 1 && (state.from > 0 || state.to < allDates.length - 1);
    var linkFilter = state.metOnly || state.minW > (weights[0] || 0) || narrowed;
    var inDates = function (x) {
      var f = x.first || x.last, t = x.last || x.first;
      return !narrowed || !f || (f <= hi && t >= lo);
    };
    var inCommunity = function (n) {
      return state.community === 'all' ||
        (state.community === 'small' ? n.c >= MAX_LEGEND : n.c === +state.community);
    };
    nodes.forEach(function (n) {
      n.pass = state.types.has(n.type) && inCommunity(n) && inDates(n);
      n.shown = 0;
    });
    var nl = 0, nn = 0;
    // Only the elements whose visibility changes are touched.
    links.forEach(function (l) {
      var v = nodes[l.s].pass && nodes[l.t].pass && (!state.metOnly || !!l.met) &&
        l.w >= state.minW && inDates(l);
      if (v) { nodes[l.s].shown++; nodes[l.t].shown++; nl++; }
      if (v !== l.visible) linkEls[l.index].classList.toggle('hidden', !v);
      l.visible = v;
    });
    nodes.forEach(function (n) {
      var v = n.pass && (!linkFilter || n.shown > 0);
      if (v) nn++;
      if (v !== n.visible) nodeEls[n.index].classList.toggle('hidden', !v);
      n.visible = v;
    });
    countText.textContent = nn + ' of ' + plural(nodes.length, 'actor') + ', ' +
      nl + ' of ' + plural(links.length, 'link') + ' shown';
    highlight(selected);
  }

  apply();
  fit(false);
  // Ready for a reader (and for the tests and the benchmark) once the first frame with
  // the whole drawing is painted.
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      window.agPageReadyMs = performance.now();
      document.documentElement.setAttribute('data-ready', 'true');
    });
  });
})();
