; Definitions in TypeScript and TSX (typescript.scm and tsx.scm are identical: a test checks).
; Captures: @definition.<kind> on the node, @name on its name, @params on its parameter list.
; Containers (class, interface, enum, namespace, module) qualify what they enclose.

; Functions, wherever they are declared (nested ones are named after themselves, like Python's).
(function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(generator_function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(function_signature
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(class_declaration
  name: (type_identifier) @name) @definition.class

(abstract_class_declaration
  name: (type_identifier) @name) @definition.class

(interface_declaration
  name: (type_identifier) @name) @definition.interface

(type_alias_declaration
  name: (type_identifier) @name) @definition.type

(enum_declaration
  name: (identifier) @name) @definition.enum

(enum_body
  [(property_identifier) @name
   (enum_assignment name: (property_identifier) @name)] @definition.const)

(internal_module
  name: [(identifier) (nested_identifier)] @name) @definition.namespace

(module
  name: [(identifier) (nested_identifier)] @name) @definition.module

(module
  name: (string (string_fragment) @name)) @definition.module

; Interface members: property and method signatures.
(interface_body
  (property_signature
    name: [(property_identifier) (private_property_identifier)] @name) @definition.field)

(interface_body
  (method_signature
    name: [(property_identifier) (private_property_identifier)] @name
    parameters: (formal_parameters) @params) @definition.function)

; Class members: methods, overload and abstract signatures, fields, fields holding a function,
; constructor parameter properties, `this.x = …` in a method. A definition captured as @callable
; takes its parameters from that node's `parameters` (or lone `parameter`) field: cheaper to
; compile than capturing the list in the pattern (tree-sitter analyses every nested alternative).
(class_body
  [(method_definition
     name: [(property_identifier) (private_property_identifier)] @name)
   (method_signature
     name: [(property_identifier) (private_property_identifier)] @name)
   (abstract_method_signature
     name: [(property_identifier) (private_property_identifier)] @name)] @definition.function @callable)

(class_body
  (public_field_definition
    name: [(property_identifier) (private_property_identifier)] @name) @definition.field)

(method_definition
  name: (property_identifier) @_constructor
  parameters: (formal_parameters
    [(required_parameter pattern: (identifier) @name)
     (optional_parameter pattern: (identifier) @name)] @definition.field
    (#match? @definition.field "^(@[^ ]+ +)*(public|private|protected|readonly|override)\\b"))
  (#eq? @_constructor "constructor"))

(class_body
  (public_field_definition
    name: [(property_identifier) (private_property_identifier)] @name
    value: [(arrow_function) (function_expression)] @callable) @definition.function)

; A static nested class: `static Cursor = class {…}`.
(class_body
  (public_field_definition
    name: (property_identifier) @name
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
 (ambient_declaration
   (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.const))
 (export_statement
   declaration: (lexical_declaration kind: "const" (variable_declarator name: (identifier) @name) @definition.const))]

[(program (lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable))
 (ambient_declaration
   [(lexical_declaration kind: "let" (variable_declarator name: (identifier) @name) @definition.variable)
    (variable_declaration (variable_declarator name: (identifier) @name) @definition.variable)])
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
