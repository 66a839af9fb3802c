; Definitions in Rust. Captures: @definition.<kind> on the node, @name on its name, @params on its
; parameter list. Containers (struct, enum, union, trait, mod, impl) qualify what they enclose; an
; impl is named after its type (`impl Store for Ledger<T>` holds `Ledger::get`) and is no symbol.

(function_item
  name: (identifier) @name
  parameters: (parameters) @params) @definition.function

; Trait method declarations and foreign functions.
(function_signature_item
  name: (identifier) @name
  parameters: (parameters) @params) @definition.function

(struct_item
  name: (type_identifier) @name) @definition.struct

(union_item
  name: (type_identifier) @name) @definition.struct

(enum_item
  name: (type_identifier) @name) @definition.enum

(enum_variant
  name: (identifier) @name) @definition.const

(trait_item
  name: (type_identifier) @name) @definition.trait

(impl_item
  type: [(type_identifier) @name
         (generic_type type: (type_identifier) @name)
         (scoped_type_identifier name: (type_identifier) @name)
         (generic_type type: (scoped_type_identifier name: (type_identifier) @name))
         (reference_type type: (type_identifier) @name)
         (reference_type type: (generic_type type: (type_identifier) @name))]) @definition.impl

(mod_item
  name: (identifier) @name) @definition.module

; Named fields of structs and unions (an enum's struct-like variants keep theirs).
(struct_item
  body: (field_declaration_list
    (field_declaration
      name: (field_identifier) @name) @definition.field))

(union_item
  body: (field_declaration_list
    (field_declaration
      name: (field_identifier) @name) @definition.field))

; Type aliases, associated types.
(type_item
  name: (type_identifier) @name) @definition.type

(associated_type
  name: (type_identifier) @name) @definition.type

(const_item
  name: (identifier) @name) @definition.const

(static_item
  name: (identifier) @name) @definition.variable

[(line_comment) (block_comment)] @comment
