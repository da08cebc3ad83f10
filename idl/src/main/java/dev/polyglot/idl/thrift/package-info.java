/**
 * Loads Apache Thrift IDL into the neutral model of {@code dev.polyglot.idl}.
 *
 * <h2>Design note: why our own parser</h2>
 *
 * <p>We evaluated thrifty-schema 3.1.0, which parses and links most of the language, and chose a
 * hand-written lexer, recursive-descent parser and linker instead:
 *
 * <ul>
 *   <li>thrifty mis-resolves constants that refer to constants of included files
 *       ({@code shared.MAX_ITEMS}), which our users rely on for defaults;
 *   <li>it needs {@code antlr4-runtime} pinned to 4.9.1 (newer runtimes reject its generated parser)
 *       and drags the Kotlin standard library and okio onto the classpath of every module above
 *       {@code idl};
 *   <li>it stops at the first error, while {@code polyglot idl check} must report every problem
 *       with {@code file:line:col} and a sentence saying what was expected.
 * </ul>
 *
 * <p>The Thrift grammar is small (about 30 productions), so owning it costs little: {@code
 * ThriftLexer} → {@code ThriftParser} (one file, recovers at the next top-level keyword) → {@code
 * ThriftLinker} (all files: names, typedefs, constants, inheritance). Only {@link
 * dev.polyglot.idl.thrift.ThriftLoader} is public.
 */
package dev.polyglot.idl.thrift;
