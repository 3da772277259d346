graph [
  node [ id 0 label "Ana" ]
  node [ id 1 label "Bo ]
  edge [ source 0 target 1 ]
]
