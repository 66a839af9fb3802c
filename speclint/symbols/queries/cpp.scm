; Definitions in C++. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list, @receiver on the class or namespace of an out-of-line definition
; (`int Ledger<T>::append(…) {…}` is `Ledger::append`). Containers (class, struct, union, enum,
; namespace) qualify what they enclose. Generated shapes: an alternation nested directly in an
; alternation loses matches in tree-sitter 0.26, so the alternations are kept flat.

; Function definitions, in a class or out of line.
(function_definition
  declarator: [(function_declarator
                 declarator: [(identifier) @name
                             (field_identifier) @name
                             (destructor_name) @name
                             (operator_name) @name
                             (qualified_identifier
                                 scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                 name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name])
                             (qualified_identifier
                                 name: (qualified_identifier
                                   scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                   name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]))]
                 parameters: (parameter_list) @params)
               (pointer_declarator declarator: (function_declarator
                 declarator: [(identifier) @name
                             (field_identifier) @name
                             (destructor_name) @name
                             (operator_name) @name
                             (qualified_identifier
                                 scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                 name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name])
                             (qualified_identifier
                                 name: (qualified_identifier
                                   scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                   name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]))]
                 parameters: (parameter_list) @params))
               (reference_declarator (function_declarator
                 declarator: [(identifier) @name
                             (field_identifier) @name
                             (destructor_name) @name
                             (operator_name) @name
                             (qualified_identifier
                                 scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                 name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name])
                             (qualified_identifier
                                 name: (qualified_identifier
                                   scope: [(namespace_identifier) @receiver (type_identifier) @receiver (template_type name: (type_identifier) @receiver)]
                                   name: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]))]
                 parameters: (parameter_list) @params))]) @definition.function

; Prototypes at file level, in include guards, namespaces and class bodies
; (never in a function body, where `T x(y);` is a variable).
(translation_unit
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))
                 (reference_declarator (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))]) @definition.function)

(preproc_ifdef
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))
                 (reference_declarator (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))]) @definition.function)

(declaration_list
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))
                 (reference_declarator (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))]) @definition.function)

(field_declaration_list
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))
                 (reference_declarator (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))]) @definition.function)

(template_declaration
  (declaration
    declarator: [(function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params)
                 (pointer_declarator declarator: (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))
                 (reference_declarator (function_declarator
                   declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                   parameters: (parameter_list) @params))]) @definition.function)

; A member function declared in its class.
(field_declaration
  declarator: [(function_declarator
                 declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                 parameters: (parameter_list) @params)
               (pointer_declarator declarator: (function_declarator
                 declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                 parameters: (parameter_list) @params))
               (reference_declarator (function_declarator
                 declarator: [(identifier) @name (field_identifier) @name (destructor_name) @name (operator_name) @name]
                 parameters: (parameter_list) @params))]) @definition.function

; A lambda bound to a file- or namespace-level name.
(translation_unit
  (declaration
    declarator: (init_declarator
      declarator: (identifier) @name
      value: (lambda_expression
        declarator: (abstract_function_declarator
          parameters: (parameter_list) @params))) @definition.function))

(preproc_ifdef
  (declaration
    declarator: (init_declarator
      declarator: (identifier) @name
      value: (lambda_expression
        declarator: (abstract_function_declarator
          parameters: (parameter_list) @params))) @definition.function))

(declaration_list
  (declaration
    declarator: (init_declarator
      declarator: (identifier) @name
      value: (lambda_expression
        declarator: (abstract_function_declarator
          parameters: (parameter_list) @params))) @definition.function))

; Function-like macros are callables; object-like macros are constants.
(preproc_function_def
  name: (identifier) @name
  parameters: (preproc_params) @params) @definition.function

; (A valueless `#define GUARD_H` is a flag, not a constant.)
(preproc_def
  name: (identifier) @name
  value: (preproc_arg)) @definition.const

(namespace_definition
  name: [(namespace_identifier) (nested_namespace_specifier)] @name) @definition.namespace

(class_specifier
  name: (type_identifier) @name
  body: (field_declaration_list)) @definition.class

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

; Data members (a member function is a field_declaration too: see above).
(field_declaration
  declarator: [(field_identifier) @name
               (pointer_declarator declarator: (field_identifier) @name)
               (pointer_declarator declarator: (pointer_declarator declarator: (field_identifier) @name))
               (array_declarator declarator: (field_identifier) @name)
               (reference_declarator (field_identifier) @name)]) @definition.field

; typedefs, including function-pointer types.
(type_definition
  declarator: [(type_identifier) @name
               (pointer_declarator declarator: (type_identifier) @name)
               (function_declarator
                 declarator: (parenthesized_declarator
                   (pointer_declarator declarator: (type_identifier) @name)))]) @definition.type

(alias_declaration
  name: (type_identifier) @name) @definition.type

; File-level and namespace-level variables; `const` and `constexpr` ones are constants.
((translation_unit
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\b(const|constexpr)\\b"))

((translation_unit
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\b(const|constexpr)\\b"))

((preproc_ifdef
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\b(const|constexpr)\\b"))

((preproc_ifdef
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\b(const|constexpr)\\b"))

((declaration_list
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.variable)
 (#not-match? @definition.variable "^[^=]*\\b(const|constexpr)\\b"))

((declaration_list
   (declaration
     declarator: [(identifier) @name
                  (init_declarator declarator: (identifier) @name)
                  (pointer_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (pointer_declarator declarator: (identifier) @name))
                  (array_declarator declarator: (identifier) @name)
                  (init_declarator declarator: (array_declarator declarator: (identifier) @name))
                  (reference_declarator (identifier) @name)
                  (init_declarator declarator: (reference_declarator (identifier) @name))]) @definition.const)
 (#match? @definition.const "^[^=]*\\b(const|constexpr)\\b"))

(comment) @comment
