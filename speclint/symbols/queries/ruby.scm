; Definitions in Ruby. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list (a method without one takes none). Containers (module, class) qualify what they
; enclose: `Acme.Ledger.append` for `Acme::Ledger#append`.

(module
  name: [(constant) @name
         (scope_resolution name: (constant) @name)]) @definition.module

(class
  name: [(constant) @name
         (scope_resolution name: (constant) @name)]) @definition.class

; Instance and singleton methods (`def self.build`), operators and setters included.
(method
  name: [(identifier) (constant) (setter) (operator)] @name
  parameters: (method_parameters) @params) @definition.function

(method
  name: [(identifier) (constant) (setter) (operator)] @name
  !parameters) @definition.function

(singleton_method
  name: [(identifier) (constant) (setter) (operator)] @name
  parameters: (method_parameters) @params) @definition.function

(singleton_method
  name: [(identifier) (constant) (setter) (operator)] @name
  !parameters) @definition.function

; Constants at file, module or class level.
(program
  (assignment
    left: (constant) @name) @definition.const)

(body_statement
  (assignment
    left: (constant) @name) @definition.const)

; Attributes: `attr_reader :entries` and instance variables set in a method (`@store = store`).
(call
  method: (identifier) @_attr
  arguments: (argument_list
    (simple_symbol) @name)
  (#match? @_attr "^attr_(reader|writer|accessor)$")) @definition.field

(method
  body: (body_statement
    (assignment
      left: (instance_variable) @name) @definition.field))

(comment) @comment
