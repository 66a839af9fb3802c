; Definitions in C. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (struct, union, enum) qualify their fields and enumerators.

; Function definitions, pointer-returning or not.
(function_definition
  declarator: [(function_declarator
                 declarator: [(identifier) @name]
                 parameters: (parameter_list) @params)
               (pointer_declarator declarator: (function_declarator
                 declarator: [(identifier) @name]
                 parameters: (parameter_list) @params))
               (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                 declarator: [(identifier) @name]
                 parameters: (parameter_list) @params)))]) @definition.function

; Prototypes at file level and in preprocessor conditionals
; (never in a function body, where `T x(y);` is a variable).
(translation_unit
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params))
                 (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)))]) @definition.function)

(preproc_ifdef
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params))
                 (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)))]) @definition.function)

(preproc_if
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params))
                 (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)))]) @definition.function)

(preproc_else
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params))
                 (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)))]) @definition.function)

(preproc_elif
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params))
                 (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name]
                   parameters: (parameter_list) @params)))]) @definition.function)

; Function-like macros are callables; object-like macros are constants.
(preproc_function_def
  name: (identifier) @name
  parameters: (preproc_params) @params) @definition.function

; (A valueless `#define GUARD_H` is a flag, not a constant.)
(preproc_def
  name: (identifier) @name
  value: (preproc_arg)) @definition.const

(struct_specifier
  name: (type_identifier) @name
  body: (field_declaration_list)) @definition.struct

(union_specifier
  name: (type_identifier) @name
  body: (field_declaration_list)) @definition.struct

(enum_specifier
  name: (type_identifier) @name
  body: (enumerator_list)) @definition.enum

(enumerator
  name: (identifier) @name) @definition.const

; `typedef struct { … } point;` names the struct after the typedef.
(type_definition
  type: [(struct_specifier !name body: (field_declaration_list))
         (union_specifier !name body: (field_declaration_list))]
  declarator: (type_identifier) @name) @definition.struct

(type_definition
  type: (enum_specifier !name body: (enumerator_list))
  declarator: (type_identifier) @name) @definition.enum

(field_declaration
  declarator: [(field_identifier) @name
               (pointer_declarator declarator: (field_identifier) @name)
               (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
               (array_declarator declarator: (field_identifier) @name)]) @definition.field

; typedefs, including function-pointer types.
(type_definition
  declarator: [(type_identifier) @name
               (pointer_declarator declarator: (type_identifier) @name)
               (function_declarator
                 declarator: (parenthesized_declarator
                   (pointer_declarator declarator: (type_identifier) @name)))]) @definition.type

; File-level variables; `const` ones are constants.
((translation_unit
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((translation_unit
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

((preproc_ifdef
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((preproc_ifdef
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

((preproc_if
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((preproc_if
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

((preproc_else
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((preproc_else
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

((preproc_elif
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\bconst\\b"))

((preproc_elif
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\bconst\\b"))

(comment) @comment
