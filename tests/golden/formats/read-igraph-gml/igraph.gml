Creator "igraph version 0.10.2 Mon Nov 23 12:00:00 2026"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "Zoë &quot;Z&quot; &amp; Co"
    weight 2.5
  ]
  node
  [
    id 1
    name "René"
    weight NaN
  ]
  edge
  [
    source 1
    target 0
    weight 3
  ]
]
