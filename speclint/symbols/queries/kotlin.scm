; Definitions in Kotlin. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (class, interface, enum, object) qualify what they enclose; a companion
; object does not, so `Ledger.empty` is written as Kotlin calls it.

((class_declaration
   "class"
   name: (identifier) @name) @definition.class
 (#not-match? @definition.class "^[^{(]*\\benum\\b"))

(class_declaration
  "class"
  name: (identifier) @name
  (enum_class_body)) @definition.enum

(class_declaration
  "interface"
  name: (identifier) @name) @definition.interface

(object_declaration
  name: (identifier) @name) @definition.class

(enum_entry
  .
  (identifier) @name) @definition.const

(type_alias
  type: (identifier) @name) @definition.type

; Functions and members (the name right after `fun` or its type parameters), extensions
; (`fun Ledger<T>.ext()` is `Ledger.ext`, the receiver type qualifying it), secondary constructors.
(function_declaration
  "fun"
  .
  name: (identifier) @name
  (function_value_parameters) @params) @definition.function

(function_declaration
  (type_parameters)
  .
  name: (identifier) @name
  (function_value_parameters) @params) @definition.function

(function_declaration
  (user_type . (identifier) @receiver)
  .
  "."
  .
  name: (identifier) @name
  (function_value_parameters) @params) @definition.function

(secondary_constructor
  "constructor" @name
  (function_value_parameters) @params) @definition.function

; Properties: top-level ones are variables, members fields, `const val` constants; `val`/`var`
; constructor parameters are fields.
((source_file
   (property_declaration
     (variable_declaration
       (identifier) @name)) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((source_file
   (property_declaration
     (variable_declaration
       (identifier) @name)) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

((class_body
   (property_declaration
     (variable_declaration
       (identifier) @name)) @definition.field)
 (#not-match? @definition.field "^[^=]*\\bconst\\b"))

((class_body
   (property_declaration
     (variable_declaration
       (identifier) @name)) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

(class_parameter
  ["val" "var"]
  .
  (identifier) @name) @definition.field

[(line_comment) (block_comment)] @comment
