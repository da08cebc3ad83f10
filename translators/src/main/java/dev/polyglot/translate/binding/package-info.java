/**
 * Method bindings: one caller method bound to one backend method, compiled once from the
 * compatibility check's {@link dev.polyglot.idl.compat.MethodCorrespondence} and run per call.
 *
 * <ul>
 *   <li>{@link dev.polyglot.translate.binding.BindingSchema}: what the bindings of one loaded schema
 *       share (plans including the Thrift result structs, per-thread readers and writers).
 *   <li>{@link dev.polyglot.translate.binding.MethodBinding}: requests caller → backend, replies and
 *       declared exceptions backend → caller, canonical request bytes for cache keys.
 * </ul>
 *
 * <p>How a call runs: the caller's reader drives a remapping sink that drives the backend's writer,
 * in one pass. The sink follows a graph of compiled conversions (field index maps, enum number maps,
 * range checks, wrapper positions, presence fills) built by walking the correspondence tree; it
 * applies no mapping rule of its own, so {@link dev.polyglot.idl.compat.Compatibility} stays the one
 * place where the rules of DESIGN.md "Mapping Thrift ↔ proto" live.
 *
 * <p>Errors: values that cannot cross are {@link dev.polyglot.translate.event.TranscodeException}s
 * naming the field path in the source's names, e.g. {@code item.dims.width_cm: required field is
 * missing (expected: a value)}.
 */
package dev.polyglot.translate.binding;
