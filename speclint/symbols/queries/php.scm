; Definitions in PHP. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (namespace with braces, class, interface, trait, enum) qualify what
; they enclose; a statement-form `namespace A\B;` is a symbol but qualifies nothing (its
; declarations are its siblings in the tree). Properties are named without their `$`.

(namespace_definition
  name: (namespace_name) @name) @definition.namespace

(class_declaration
  name: (name) @name) @definition.class

(interface_declaration
  name: (name) @name) @definition.interface

(trait_declaration
  name: (name) @name) @definition.trait

(enum_declaration
  name: (name) @name) @definition.enum

(enum_case
  name: (name) @name) @definition.const

(function_definition
  name: (name) @name
  parameters: (formal_parameters) @params) @definition.function

(method_declaration
  name: (name) @name
  parameters: (formal_parameters) @params) @definition.function

; Properties, declared or promoted from constructor parameters.
(property_declaration
  (property_element
    name: (variable_name (name) @name))) @definition.field

(method_declaration
  parameters: (formal_parameters
    (property_promotion_parameter
      name: (variable_name (name) @name)) @definition.field))

; Constants: `const X = 1;` at file level or in a class, `define('X', 1)`.
(const_declaration
  (const_element
    (name) @name)) @definition.const

(expression_statement
  (function_call_expression
    function: (name) @_define
    arguments: (arguments
      .
      (argument
        (string
          (string_content) @name))))
  (#eq? @_define "define")) @definition.const

(comment) @comment
