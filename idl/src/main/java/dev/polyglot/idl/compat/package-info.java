/**
 * Whether a caller service can be bridged to a backend service, and exactly how.
 *
 * <p>{@link dev.polyglot.idl.compat.Compatibility#check} is the one implementation of the Thrift ↔
 * proto mapping rules (DESIGN.md, "Mapping Thrift ↔ proto"). Its {@link
 * dev.polyglot.idl.compat.CompatibilityReport} is what a method-binding compiler consumes:
 *
 * <ul>
 *   <li>{@link dev.polyglot.idl.compat.MethodCorrespondence} per bound caller method: the backend
 *       method, the request as a {@link dev.polyglot.idl.compat.StructCorrespondence} (Thrift
 *       argument list or proto message on each side), the response as a {@link
 *       dev.polyglot.idl.compat.ResultCorrespondence}, the declared exceptions as {@link
 *       dev.polyglot.idl.compat.ExceptionCorrespondence}s, and whether the call is forwarded without
 *       waiting (Thrift {@code oneway}).
 *   <li>A tree of {@link dev.polyglot.idl.compat.ValueCorrespondence}s, oriented caller → backend:
 *       scalars (with the directions that need a range or format check), enums (value pairs by
 *       name; proto3 zero values that stand for "unset"), structs (field pairs, matched by name or
 *       id; lone fields), lists, sets, maps, one-field wrapper messages on either side, and enum map
 *       keys carried as value names. Struct correspondences are shared: one instance per (caller
 *       struct, backend struct) pair, so a recursive type is a cycle in the tree.
 *   <li>{@link dev.polyglot.idl.compat.CompatProblem}s: errors make the pair unbridgeable; warnings
 *       name values that fail only the calls that carry them.
 * </ul>
 *
 * <p>{@link dev.polyglot.idl.compat.NameRules} holds the naming rules shared with conversion.
 */
package dev.polyglot.idl.compat;
