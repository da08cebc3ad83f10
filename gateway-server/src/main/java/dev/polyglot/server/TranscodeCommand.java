package dev.polyglot.server;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.CompatProblem;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.idl.compat.MethodCorrespondence;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.translate.Codecs;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.binding.BindingSchema;
import dev.polyglot.translate.binding.MethodBinding;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.json.AnyTypes;
import dev.polyglot.translate.json.JsonCodec;
import dev.polyglot.translate.json.JsonDialect;
import dev.polyglot.translate.json.JsonOptions;
import dev.polyglot.translate.protobuf.ProtobufCodec;
import dev.polyglot.translate.thrift.ThriftCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polyglot transcode}: one message from stdin to stdout, between JSON (either dialect) and
 * the binary wire formats, driven by the loaded IDL — the gateway's own translators, so what this
 * prints is what the gateway would send. Binary output goes to stdout raw unless {@code --hex} or
 * {@code --base64} asks for text (which also applies to binary input).
 *
 * <p>Exit codes: 0 done; 1 the IDL or the input is broken (the message names file:line:col or the
 * field path); 2 usage error.
 */
@Command(
    name = "transcode",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Transcode one message read from stdin and write it to stdout.",
      "Formats: json (the type's own IDL dialect), proto-json, thrift-json, thrift-binary, thrift-compact, protobuf."
    },
    footer = {
      "",
      "Examples:",
      "  echo '{\"sku\":\"A-1\"}' | polyglot transcode --idl warehouse.thrift --type warehouse.Item --from json --to thrift-binary --hex",
      "  polyglot transcode --idl api.proto --type acme.v1.Item --from protobuf --to json --pretty < item.bin",
      "  echo '{\"sku\":\"A-1\"}' | polyglot transcode --idl warehouse.thrift --idl warehouse.proto --caller warehouse.Warehouse \\",
      "      --backend acme.warehouse.v1.WarehouseService --method getItem --request --from json --to protobuf --hex"
    })
final class TranscodeCommand implements Callable<Integer> {
  private static final Limits LIMITS = Limits.DEFAULT;

  @Option(names = "--idl", paramLabel = "FILE", required = true, arity = "1..*",
      description = ".thrift, .proto, descriptor sets or folders (repeatable).")
  List<Path> idl = new ArrayList<>();

  @Option(names = {"-I", "--include"}, paramLabel = "DIR", description = "Include/import search path (repeatable).")
  List<Path> includePaths = new ArrayList<>();

  @Option(names = "--type", paramLabel = "QUALIFIED_TYPE",
      description = "The struct or message, e.g. warehouse.Item or acme.v1.Item (a unique simple name works too).")
  String type;

  @Option(names = "--from", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
      completionCandidates = FormatNames.class, description = "Input format: ${COMPLETION-CANDIDATES}.")
  Format from;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
      completionCandidates = FormatNames.class, description = "Output format: ${COMPLETION-CANDIDATES}.")
  Format to;

  @ArgGroup(exclusive = true)
  BinaryText binaryText = new BinaryText();

  static final class BinaryText {
    @Option(names = "--hex", description = "Binary input and output as hex text (whitespace in the input is ignored).")
    boolean hex;

    @Option(names = "--base64", description = "Binary input and output as base64 text.")
    boolean base64;
  }

  @Option(names = "--pretty", description = "Indent JSON output.")
  boolean pretty;

  @Option(names = "--ignore-unknown-fields", description = "Skip JSON members the type does not declare instead of failing.")
  boolean ignoreUnknownFields;

  @Option(names = "--caller", paramLabel = "SERVICE", description = "Method binding: the service the caller speaks.")
  String caller;

  @Option(names = "--backend", paramLabel = "SERVICE", description = "Method binding: the backend's service.")
  String backend;

  @Option(names = "--method", paramLabel = "NAME", description = "Method binding: the caller's method.")
  String method;

  @ArgGroup(exclusive = true)
  Direction direction;

  static final class Direction {
    @Option(names = "--request", description = "Method binding: transcode a request, caller shape to backend shape.")
    boolean request;

    @Option(names = "--reply", description = "Method binding: transcode a successful reply, backend shape to caller shape"
        + " (a Thrift reply is the result struct; thrift-json toward a Thrift caller is the bare result value).")
    boolean reply;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where the message is read from and written to; the process's stdin and stdout by default. */
  InputStream in = System.in;
  OutputStream out = System.out;

  /** The formats as spelled on the command line. */
  enum Format {
    JSON("json"),
    PROTO_JSON("proto-json"),
    THRIFT_JSON("thrift-json"),
    THRIFT_BINARY("thrift-binary"),
    THRIFT_COMPACT("thrift-compact"),
    PROTOBUF("protobuf");

    final String label;

    Format(String label) {
      this.label = label;
    }

    WireFormat wire(IdlKind typeIdl) {
      return switch (this) {
        case JSON -> typeIdl == IdlKind.THRIFT ? WireFormat.THRIFT_JSON : WireFormat.PROTO_JSON;
        case PROTO_JSON -> WireFormat.PROTO_JSON;
        case THRIFT_JSON -> WireFormat.THRIFT_JSON;
        case THRIFT_BINARY -> WireFormat.THRIFT_BINARY;
        case THRIFT_COMPACT -> WireFormat.THRIFT_COMPACT;
        case PROTOBUF -> WireFormat.PROTOBUF;
      };
    }

    boolean isBinary() {
      return this == THRIFT_BINARY || this == THRIFT_COMPACT || this == PROTOBUF;
    }
  }

  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (Format f : Format.values()) names.add(f.label);
      return names.iterator();
    }
  }

  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) if (f.label.equals(value.toLowerCase(Locale.ROOT))) return f;
      throw new CommandLine.TypeConversionException("unknown format '" + value + "' (expected: one of "
          + String.join(", ", new FormatNames()) + ")");
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean binding = caller != null || backend != null || method != null || direction != null;
    if (binding) return callBinding(err);
    if (type == null) return usage(err, "missing --type (expected: the qualified name of a struct or message)");

    Schema schema;
    try {
      schema = IdlLoader.withIncludePaths(includePaths).load(idl);
    } catch (IdlException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    StructDef def = findType(schema, type, err);
    if (def == null) return 2;

    WireFormat source = from.wire(def.idl());
    WireFormat target = to.wire(def.idl());
    byte[] input;
    try {
      input = decodeText(readAll(in, LIMITS.maxMessageBytes()), from);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read stdin: " + e.getMessage());
      err.flush();
      return 1;
    }

    Plans plans = Plans.of(schema);
    StructPlan plan = plans.struct(def);
    byte[] output;
    try {
      output = transcoder(plans).transcode(plan, source, target, input);
    } catch (TranscodeException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      writeOutput(output, to);
    } catch (IOException e) {
      err.println("error: cannot write stdout: " + e.getMessage());
      err.flush();
      return 1;
    }
    return 0;
  }

  /**
   * Method-binding mode: a request in the caller's shape to the backend's, or a successful reply
   * back, through the same {@link MethodBinding} the gateway compiles for the route. {@code json}
   * is the caller's dialect on the caller's side and the backend's on the backend's side.
   */
  private int callBinding(PrintWriter err) {
    if (caller == null || backend == null || method == null || direction == null) {
      return usage(err, "a method binding needs --caller, --backend, --method and one of --request or --reply");
    }
    if (type != null) return usage(err, "--type cannot be combined with --caller/--backend/--method (the method decides the types)");
    Schema schema;
    try {
      schema = IdlLoader.withIncludePaths(includePaths).load(idl);
    } catch (IdlException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    ServiceDef callerService;
    ServiceDef backendService;
    try {
      callerService = schema.requireService(caller);
      backendService = schema.requireService(backend);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    CompatibilityReport report = Compatibility.check(schema, callerService, backendService);
    MethodCorrespondence correspondence = report.method(method).orElse(null);
    List<String> problems = new ArrayList<>();
    for (CompatProblem p : report.errors()) {
      if (p.path().equals(method) || p.path().startsWith(method + ".")) problems.add(p.toString());
    }
    if (correspondence == null && problems.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (var m : callerService.methods()) names.add(m.name());
      return usage(err, "--method " + method + ": no such method of " + callerService.qualifiedName() + " (expected one of: " + String.join(", ", names) + ")");
    }
    if (!problems.isEmpty()) {
      err.println("error: " + callerService.qualifiedName() + "." + method + " cannot be bound to " + backendService.qualifiedName() + ":");
      for (String p : problems) err.println("  " + p);
      err.flush();
      return 1;
    }
    MethodBinding binding;
    try {
      binding = MethodBinding.compile(BindingSchema.of(schema, LIMITS, this::codecs), correspondence);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    boolean request = direction.request;
    Format inFormat = from;
    WireFormat source = from.wire(request ? callerService.idl() : backendService.idl());
    WireFormat target = to.wire(request ? backendService.idl() : callerService.idl());
    byte[] output;
    try {
      byte[] input = decodeText(readAll(in, LIMITS.maxMessageBytes()), inFormat);
      output = request ? binding.translateRequest(input, source, target) : binding.translateReply(input, source, target);
    } catch (IllegalArgumentException | TranscodeException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("error: cannot read stdin: " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      writeOutput(output, to);
    } catch (IOException e) {
      err.println("error: cannot write stdout: " + e.getMessage());
      err.flush();
      return 1;
    }
    return 0;
  }

  private Transcoder transcoder(Plans plans) {
    return Transcoder.of(codecs(plans), LIMITS);
  }

  private Codecs codecs(Plans plans) {
    JsonOptions options = JsonOptions.DEFAULT.withPrettyPrint(pretty).withIgnoreUnknownFields(ignoreUnknownFields);
    AnyTypes anyTypes = AnyTypes.of(plans, LIMITS);
    return Codecs.builder()
        .register(WireFormat.THRIFT_BINARY, ThriftCodecs.BINARY)
        .register(WireFormat.THRIFT_COMPACT, ThriftCodecs.COMPACT)
        .register(WireFormat.PROTOBUF, ProtobufCodec.INSTANCE)
        .register(WireFormat.THRIFT_JSON, JsonCodec.of(JsonDialect.THRIFT, options, anyTypes))
        .register(WireFormat.PROTO_JSON, JsonCodec.of(JsonDialect.PROTO, options, anyTypes))
        .build();
  }

  /** By qualified name, else by a simple name that exactly one struct or message has. */
  private static StructDef findType(Schema schema, String name, PrintWriter err) {
    StructDef exact = schema.struct(name).filter(TranscodeCommand::isValueType).orElse(null);
    if (exact != null) return exact;
    List<String> same = new ArrayList<>();
    StructDef found = null;
    for (StructDef s : schema.structs()) {
      if (isValueType(s) && s.name().equals(name)) {
        same.add(s.qualifiedName());
        found = s;
      }
    }
    if (same.size() == 1) return found;
    if (same.size() > 1) {
      usage(err, "--type " + name + " is ambiguous (expected one of: " + String.join(", ", same) + ")");
    } else {
      List<String> names = new ArrayList<>();
      for (StructDef s : schema.structs()) {
        if (isValueType(s) && !s.qualifiedName().startsWith("google.")) names.add(s.qualifiedName());
      }
      usage(err, "--type " + name + ": no such struct or message (expected one of: " + String.join(", ", names) + ")");
    }
    return null;
  }

  private static boolean isValueType(StructDef s) {
    return !s.mapEntry() && s.kind() != StructKind.ARGS;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("error: " + message);
    err.flush();
    return 2;
  }

  /** Reads stdin whole, refusing more than {@code max} bytes before buffering them. */
  private static byte[] readAll(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new IllegalArgumentException("input is larger than " + max + " bytes (expected: one message)");
    }
    return bytes;
  }

  private byte[] decodeText(byte[] raw, Format format) {
    if (!format.isBinary() || !(binaryText.hex || binaryText.base64)) return raw;
    String text = new String(raw, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
    if (binaryText.hex) {
      if (text.startsWith("0x") || text.startsWith("0X")) text = text.substring(2);
      if (text.length() % 2 != 0) throw new IllegalArgumentException("input is not hex: odd number of digits (" + text.length() + ")");
      for (int i = 0; i < text.length(); i++) {
        if (Character.digit(text.charAt(i), 16) < 0) {
          throw new IllegalArgumentException("input is not hex: '" + text.charAt(i) + "' at position " + (i + 1) + " (expected: 0-9, a-f)");
        }
      }
      return HexFormat.of().parseHex(text);
    }
    try {
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("input is not base64: " + e.getMessage());
    }
  }

  private void writeOutput(byte[] output, Format format) throws IOException {
    if (!format.isBinary()) {
      out.write(output);
      out.write('\n');
    } else if (binaryText.hex) {
      out.write((HexFormat.of().formatHex(output) + "\n").getBytes(StandardCharsets.US_ASCII));
    } else if (binaryText.base64) {
      out.write((Base64.getEncoder().encodeToString(output) + "\n").getBytes(StandardCharsets.US_ASCII));
    } else {
      out.write(output);
    }
    out.flush();
  }
}
