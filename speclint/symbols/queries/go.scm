; Definitions in Go. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list, @receiver on a method's receiver type (`func (s *Store) Put` is `Store.Put`).
; Containers (struct, interface) qualify their fields and method signatures.

(function_declaration
  name: (identifier) @name
  parameters: (parameter_list) @params) @definition.function

; Methods, pointer receiver or not, generic receiver or not.
(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      type: [(type_identifier) @receiver
             (pointer_type (type_identifier) @receiver)
             (generic_type type: (type_identifier) @receiver)
             (pointer_type (generic_type type: (type_identifier) @receiver))]))
  name: (field_identifier) @name
  parameters: (parameter_list) @params) @definition.function

; Types: structs, interfaces, the rest (`type Num int`, `type ID = string`). A struct also
; matches the last pattern; the extractor keeps the container reading.
(type_spec
  name: (type_identifier) @name
  type: (struct_type)) @definition.struct

(type_spec
  name: (type_identifier) @name
  type: (interface_type)) @definition.interface

(type_spec
  name: (type_identifier) @name) @definition.type

(type_alias
  name: (type_identifier) @name) @definition.type

; Struct fields, named (`a, b int`) or embedded (`*Base`, `io.Reader`: named after the type).
(field_declaration
  name: (field_identifier) @name) @definition.field

(field_declaration
  !name
  type: [(type_identifier) @name
         (pointer_type (type_identifier) @name)
         (qualified_type name: (type_identifier) @name)
         (generic_type type: (type_identifier) @name)]) @definition.field

(method_elem
  name: (field_identifier) @name
  parameters: (parameter_list) @params) @definition.function

; Package-level constants and variables.
(source_file
  (const_declaration
    (const_spec
      name: (identifier) @name) @definition.const))

(source_file
  (var_declaration
    [(var_spec name: (identifier) @name) @definition.variable
     (var_spec_list (var_spec name: (identifier) @name) @definition.variable)]))

(comment) @comment
