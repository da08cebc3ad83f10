package dev.polyglot.adapters.grpc.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.Router;
import io.grpc.Status;
import io.grpc.reflection.v1.ErrorResponse;
import io.grpc.reflection.v1.ExtensionNumberResponse;
import io.grpc.reflection.v1.ExtensionRequest;
import io.grpc.reflection.v1.FileDescriptorResponse;
import io.grpc.reflection.v1.ListServiceResponse;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * Server reflection ({@code grpc.reflection.v1}) over the route snapshot being served, so that tools
 * such as {@code grpcurl} need no proto files: each request is answered from the snapshot current at
 * that moment. {@link #v1alpha()} serves the same answers under the older {@code v1alpha} name, whose
 * messages are wire-identical.
 *
 * <p>Thread-safe. The index is built on the first request after a snapshot change (building
 * descriptors costs milliseconds; reflection is rare and never on the data path).
 */
final class SnapshotReflectionService extends ServerReflectionGrpc.ServerReflectionImplBase {
  private final Router router;
  private volatile ReflectionIndex index;

  SnapshotReflectionService(Router router) {
    this.router = router;
  }

  private ReflectionIndex index() {
    RouteSnapshot snapshot = router.snapshot();
    ReflectionIndex i = index;
    if (i == null || i.snapshot != snapshot) {
      i = ReflectionIndex.of(snapshot);
      index = i;
    }
    return i;
  }

  @Override
  public StreamObserver<ServerReflectionRequest> serverReflectionInfo(StreamObserver<ServerReflectionResponse> responses) {
    return new StreamObserver<>() {
      @Override
      public void onNext(ServerReflectionRequest request) {
        responses.onNext(answer(request));
      }

      @Override
      public void onError(Throwable t) {
        // The client went away; nothing to answer.
      }

      @Override
      public void onCompleted() {
        responses.onCompleted();
      }
    };
  }

  ServerReflectionResponse answer(ServerReflectionRequest request) {
    ReflectionIndex idx = index();
    ServerReflectionResponse.Builder out = ServerReflectionResponse.newBuilder().setValidHost(request.getHost()).setOriginalRequest(request);
    switch (request.getMessageRequestCase()) {
      case LIST_SERVICES -> {
        ListServiceResponse.Builder list = ListServiceResponse.newBuilder();
        for (String s : idx.services()) list.addService(ServiceResponse.newBuilder().setName(s));
        out.setListServicesResponse(list);
      }
      case FILE_BY_FILENAME -> files(out, idx.fileWithDependencies(request.getFileByFilename()), "file not found: " + request.getFileByFilename());
      case FILE_CONTAINING_SYMBOL -> files(out, idx.fileContainingSymbol(request.getFileContainingSymbol()),
          "symbol not found: " + request.getFileContainingSymbol());
      case FILE_CONTAINING_EXTENSION -> {
        ExtensionRequest x = request.getFileContainingExtension();
        files(out, idx.fileContainingExtension(x.getContainingType(), x.getExtensionNumber()),
            "extension not found: number " + x.getExtensionNumber() + " of " + x.getContainingType());
      }
      case ALL_EXTENSION_NUMBERS_OF_TYPE -> {
        String type = request.getAllExtensionNumbersOfType();
        if (idx.isMessage(type)) {
          out.setAllExtensionNumbersResponse(ExtensionNumberResponse.newBuilder().setBaseTypeName(type).addAllExtensionNumber(idx.extensionNumbers(type)));
        } else {
          error(out, Status.Code.NOT_FOUND, "type not found: " + type);
        }
      }
      case MESSAGEREQUEST_NOT_SET -> error(out, Status.Code.INVALID_ARGUMENT,
          "no request (expected one of: list_services, file_by_filename, file_containing_symbol, file_containing_extension, all_extension_numbers_of_type)");
    }
    return out.build();
  }

  private static void files(ServerReflectionResponse.Builder out, List<ByteString> files, String notFound) {
    if (files.isEmpty()) error(out, Status.Code.NOT_FOUND, notFound);
    else out.setFileDescriptorResponse(FileDescriptorResponse.newBuilder().addAllFileDescriptorProto(files));
  }

  private static void error(ServerReflectionResponse.Builder out, Status.Code code, String message) {
    out.setErrorResponse(ErrorResponse.newBuilder().setErrorCode(code.value()).setErrorMessage(message));
  }

  /** The same service as {@code grpc.reflection.v1alpha.ServerReflection}, converting through the shared wire form. */
  io.grpc.reflection.v1alpha.ServerReflectionGrpc.ServerReflectionImplBase v1alpha() {
    return new io.grpc.reflection.v1alpha.ServerReflectionGrpc.ServerReflectionImplBase() {
      @Override
      public StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> serverReflectionInfo(
          StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionResponse> responses) {
        return new StreamObserver<>() {
          @Override
          public void onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest request) {
            try {
              ServerReflectionResponse answer = answer(ServerReflectionRequest.parseFrom(request.toByteString()));
              responses.onNext(io.grpc.reflection.v1alpha.ServerReflectionResponse.parseFrom(answer.toByteString()));
            } catch (InvalidProtocolBufferException e) {
              // Cannot happen: v1 and v1alpha messages have the same fields and numbers.
              throw new IllegalStateException("v1alpha and v1 reflection messages differ", e);
            }
          }

          @Override
          public void onError(Throwable t) {
            // The client went away; nothing to answer.
          }

          @Override
          public void onCompleted() {
            responses.onCompleted();
          }
        };
      }
    };
  }
}
