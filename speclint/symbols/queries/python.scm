; Definitions in Python. Captures: @definition.<kind> on the node, @name on its name,
; @params on its parameter list. Containers (class) qualify what they enclose.

(class_definition
  name: (identifier) @name) @definition.class

(function_definition
  name: (identifier) @name
  parameters: (parameters) @params) @definition.function

; Module-level and class-level assignments: constants, fields, aliases.
(module
  (expression_statement
    (assignment
      left: (identifier) @name) @definition.variable))

(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @name) @definition.field)))

; Instance attributes set in methods: self.name = ...
(function_definition
  body: (block
    (expression_statement
      (assignment
        left: (attribute
          object: (identifier) @_self
          attribute: (identifier) @name)) @definition.field)
    (#eq? @_self "self")))

(comment) @comment
