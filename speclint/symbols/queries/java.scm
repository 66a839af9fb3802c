; Definitions in Java. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (class, interface, enum, record, annotation type) qualify what they
; enclose: `Box.Inner.get`.

(class_declaration
  name: (identifier) @name) @definition.class

; A record is a class whose components are its fields.
(record_declaration
  name: (identifier) @name) @definition.class

(record_declaration
  parameters: (formal_parameters
    (formal_parameter
      name: (identifier) @name) @definition.field))

(interface_declaration
  name: (identifier) @name) @definition.interface

(annotation_type_declaration
  name: (identifier) @name) @definition.interface

(annotation_type_element_declaration
  name: (identifier) @name) @definition.field

(enum_declaration
  name: (identifier) @name) @definition.enum

(enum_constant
  name: (identifier) @name) @definition.const

; Methods (bodies or not), constructors, a record's compact constructor.
(method_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(constructor_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(record_declaration
  parameters: (formal_parameters) @params
  body: (class_body
    (compact_constructor_declaration
      name: (identifier) @name) @definition.function))

; Fields (one per declarator: `int a, b;`); `static final` ones and interface constants are const.
((field_declaration
   (modifiers)? @_modifiers
   declarator: (variable_declarator
     name: (identifier) @name)) @definition.field
 (#not-match? @_modifiers "static(.|\n)*final|final(.|\n)*static"))

((field_declaration
   (modifiers) @_modifiers
   declarator: (variable_declarator
     name: (identifier) @name)) @definition.const
 (#match? @_modifiers "static(.|\n)*final|final(.|\n)*static"))

(constant_declaration
  declarator: (variable_declarator
    name: (identifier) @name)) @definition.const

[(line_comment) (block_comment)] @comment
