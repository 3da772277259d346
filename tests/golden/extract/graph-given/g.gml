Creator "hand"
graph [
  node [ id 0 label "Angela Merkel" ]
  node [ id 1 label "Emmanuel Macron" ]
  edge [ source 0 target 1 ]
]
