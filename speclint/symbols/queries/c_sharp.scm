; Definitions in C#. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (namespace, class, struct, interface, record, enum) qualify what they
; enclose. A file-scoped `namespace A.B;` is a symbol but qualifies nothing: its declarations are
; its siblings in the tree.

(namespace_declaration
  name: [(identifier) (qualified_name)] @name) @definition.namespace

(file_scoped_namespace_declaration
  name: [(identifier) (qualified_name)] @name) @definition.namespace

(class_declaration
  name: (identifier) @name) @definition.class

; A record is a class whose positional parameters are its properties.
(record_declaration
  name: (identifier) @name) @definition.class

(record_declaration
  (parameter_list
    (parameter
      name: (identifier) @name) @definition.field))

(struct_declaration
  name: (identifier) @name) @definition.struct

(interface_declaration
  name: (identifier) @name) @definition.interface

(enum_declaration
  name: (identifier) @name) @definition.enum

(enum_member_declaration
  name: (identifier) @name) @definition.const

(delegate_declaration
  name: (identifier) @name) @definition.type

; Methods (with bodies, expression bodies or none), constructors.
(method_declaration
  name: (identifier) @name
  parameters: (parameter_list) @params) @definition.function

(constructor_declaration
  name: (identifier) @name
  parameters: (parameter_list) @params) @definition.function

; Fields (one per declarator), events, properties; `const` fields are constants.
((field_declaration
   (variable_declaration
     (variable_declarator
       name: (identifier) @name))) @definition.field
 (#not-match? @definition.field "^[^=]*\\bconst\\b"))

((field_declaration
   (variable_declaration
     (variable_declarator
       name: (identifier) @name))) @definition.const
 (#match? @definition.const "^[^=]*\\bconst\\b"))

(event_field_declaration
  (variable_declaration
    (variable_declarator
      name: (identifier) @name))) @definition.field

(event_declaration
  name: (identifier) @name) @definition.field

(property_declaration
  name: (identifier) @name) @definition.field

(comment) @comment
