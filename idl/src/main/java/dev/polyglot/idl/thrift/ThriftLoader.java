package dev.polyglot.idl.thrift;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Schema;
import java.nio.file.Path;
import java.util.List;

/** Parses and links Thrift IDL files (and what they include) into a {@link Schema}. */
public final class ThriftLoader {
  private ThriftLoader() {}

  /**
   * @param files the files to load; included files are found relative to the including file, then
   *     on {@code includePaths}
   * @throws IdlException with every problem found, each with {@code file:line:col}
   */
  public static Schema load(List<Path> files, List<Path> includePaths) throws IdlException {
    throw new UnsupportedOperationException("Thrift loading is not written yet");
  }
}
