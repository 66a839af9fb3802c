; Definitions in JavaScript. Captures: @definition.<kind> on the node, @name on its name,
; @params on its parameter list. Containers (class) qualify what they enclose.

; Functions, wherever they are declared (nested ones are named after themselves, like Python's).
(function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(generator_function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(class_declaration
  name: (identifier) @name) @definition.class

; Class members: methods, fields, fields holding a function, `this.x = …` in a method. A definition
; captured as @callable takes its parameters from that node's `parameters` (or lone `parameter`)
; field: cheaper to compile than capturing the list here (tree-sitter analyses every alternative).
(class_body
  (method_definition
    name: [(property_identifier) (private_property_identifier)] @name) @definition.function @callable)

(class_body
  (field_definition
    property: [(property_identifier) (private_property_identifier)] @name) @definition.field)

(class_body
  (field_definition
    property: [(property_identifier) (private_property_identifier)] @name
    value: [(arrow_function) (function_expression)] @callable) @definition.function)

; A static nested class: `static Cursor = class {…}`.
(class_body
  (field_definition
    property: (property_identifier) @name
    value: (class)) @definition.class)

(method_definition
  body: (statement_block
    (expression_statement
      (assignment_expression
        left: (member_expression
          object: (this)
          property: (property_identifier) @name)) @definition.field)))

; Top-level and exported bindings: `const` is const, `let`/`var` variable; a binding holding a
; function is a function (with its parameters), one holding a class a class (qualifying its members).
[(program (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.const))
 (export_statement
   declaration: (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.const))]

[(program (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable))
 (program (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable))
 (export_statement
   declaration: (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable))
 (export_statement
   declaration: (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable))]

[(program
   [(lexical_declaration
     (variable_declarator
       name: (identifier) @name
       value: [(arrow_function) (function_expression) (generator_function)] @callable) @definition.function)
    (variable_declaration
     (variable_declarator
       name: (identifier) @name
       value: [(arrow_function) (function_expression) (generator_function)] @callable) @definition.function)])
 (export_statement
   declaration: [(lexical_declaration
     (variable_declarator
       name: (identifier) @name
       value: [(arrow_function) (function_expression) (generator_function)] @callable) @definition.function)
    (variable_declaration
     (variable_declarator
       name: (identifier) @name
       value: [(arrow_function) (function_expression) (generator_function)] @callable) @definition.function)])]

[(program (lexical_declaration (variable_declarator name: (identifier) @name value: (class)) @definition.class))
 (export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name value: (class)) @definition.class))]

; CommonJS: `module.exports.name = function (…) {…}`, `exports.name = (…) => …`.
(program
  (expression_statement
    (assignment_expression
      left: (member_expression
        object: (_) @_exports
        property: (property_identifier) @name)
      right: [(arrow_function) (function_expression)] @callable) @definition.function)
  (#match? @_exports "^(module\\.)?exports$"))

(comment) @comment
