package dev.polyglot.conformance.reference;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import dev.polyglot.interop.v1.AddRequest;
import dev.polyglot.interop.v1.AddResponse;
import dev.polyglot.interop.v1.AllTypes;
import dev.polyglot.interop.v1.Containers;
import dev.polyglot.interop.v1.DelayRequest;
import dev.polyglot.interop.v1.Dimensions;
import dev.polyglot.interop.v1.EchoAllTypesRequest;
import dev.polyglot.interop.v1.EchoBinaryRequest;
import dev.polyglot.interop.v1.EchoBinaryResponse;
import dev.polyglot.interop.v1.EchoBoolRequest;
import dev.polyglot.interop.v1.EchoBoolResponse;
import dev.polyglot.interop.v1.EchoByteRequest;
import dev.polyglot.interop.v1.EchoByteResponse;
import dev.polyglot.interop.v1.EchoContainersRequest;
import dev.polyglot.interop.v1.EchoDoubleRequest;
import dev.polyglot.interop.v1.EchoDoubleResponse;
import dev.polyglot.interop.v1.EchoEnumRequest;
import dev.polyglot.interop.v1.EchoEnumResponse;
import dev.polyglot.interop.v1.EchoGroupsRequest;
import dev.polyglot.interop.v1.EchoGroupsResponse;
import dev.polyglot.interop.v1.EchoI16Request;
import dev.polyglot.interop.v1.EchoI16Response;
import dev.polyglot.interop.v1.EchoI32Request;
import dev.polyglot.interop.v1.EchoI32Response;
import dev.polyglot.interop.v1.EchoI64Request;
import dev.polyglot.interop.v1.EchoI64Response;
import dev.polyglot.interop.v1.EchoItemRequest;
import dev.polyglot.interop.v1.EchoMapRequest;
import dev.polyglot.interop.v1.EchoMapResponse;
import dev.polyglot.interop.v1.EchoMatrixRequest;
import dev.polyglot.interop.v1.EchoMatrixResponse;
import dev.polyglot.interop.v1.EchoStringListRequest;
import dev.polyglot.interop.v1.EchoStringListResponse;
import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.EchoStringResponse;
import dev.polyglot.interop.v1.EchoStringSetRequest;
import dev.polyglot.interop.v1.EchoStringSetResponse;
import dev.polyglot.interop.v1.EchoUnionRequest;
import dev.polyglot.interop.v1.EchoUuidRequest;
import dev.polyglot.interop.v1.EchoUuidResponse;
import dev.polyglot.interop.v1.FailUndeclaredRequest;
import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import dev.polyglot.interop.v1.InvalidRequest;
import dev.polyglot.interop.v1.Item;
import dev.polyglot.interop.v1.ItemNotFound;
import dev.polyglot.interop.v1.LogEventRequest;
import dev.polyglot.interop.v1.LoggedEventsResponse;
import dev.polyglot.interop.v1.OutOfStock;
import dev.polyglot.interop.v1.Payload;
import dev.polyglot.interop.v1.ReserveRequest;
import dev.polyglot.interop.v1.ReserveResponse;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * The interop service on grpc-java's generated base class. Declared Thrift exceptions travel as a
 * status whose code is the exception's {@code grpc.code} annotation and whose {@code google.rpc.Status}
 * details (the {@code grpc-status-details-bin} trailer) pack the exception message in an {@code Any};
 * undeclared failures are a plain {@code INTERNAL} status without details.
 */
final class GrpcInteropService extends InteropServiceGrpc.InteropServiceImplBase {
  private final List<String> events;

  /** @param events where logEvent appends; must be safe for concurrent appends */
  GrpcInteropService(List<String> events) {
    this.events = events;
  }

  @Override
  public void ping(Empty request, StreamObserver<Empty> out) {
    reply(out, Empty.getDefaultInstance());
  }

  @Override
  public void echoBool(EchoBoolRequest request, StreamObserver<EchoBoolResponse> out) {
    reply(out, EchoBoolResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoByte(EchoByteRequest request, StreamObserver<EchoByteResponse> out) {
    reply(out, EchoByteResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoI16(EchoI16Request request, StreamObserver<EchoI16Response> out) {
    reply(out, EchoI16Response.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoI32(EchoI32Request request, StreamObserver<EchoI32Response> out) {
    reply(out, EchoI32Response.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoI64(EchoI64Request request, StreamObserver<EchoI64Response> out) {
    reply(out, EchoI64Response.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoDouble(EchoDoubleRequest request, StreamObserver<EchoDoubleResponse> out) {
    reply(out, EchoDoubleResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoString(EchoStringRequest request, StreamObserver<EchoStringResponse> out) {
    reply(out, EchoStringResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoBinary(EchoBinaryRequest request, StreamObserver<EchoBinaryResponse> out) {
    reply(out, EchoBinaryResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoUuid(EchoUuidRequest request, StreamObserver<EchoUuidResponse> out) {
    reply(out, EchoUuidResponse.newBuilder().setValue(request.getValue()).build());
  }

  @Override
  public void echoEnum(EchoEnumRequest request, StreamObserver<EchoEnumResponse> out) {
    // By number, so that a value this build does not know still comes back unchanged.
    reply(out, EchoEnumResponse.newBuilder().setValueValue(request.getValueValue()).build());
  }

  @Override
  public void echoAllTypes(EchoAllTypesRequest request, StreamObserver<AllTypes> out) {
    reply(out, request.getValue());
  }

  @Override
  public void echoItem(EchoItemRequest request, StreamObserver<Item> out) {
    reply(out, request.getItem());
  }

  @Override
  public void echoUnion(EchoUnionRequest request, StreamObserver<Payload> out) {
    reply(out, request.getPayload());
  }

  @Override
  public void echoContainers(EchoContainersRequest request, StreamObserver<Containers> out) {
    reply(out, request.getValue());
  }

  @Override
  public void echoStringList(EchoStringListRequest request, StreamObserver<EchoStringListResponse> out) {
    reply(out, EchoStringListResponse.newBuilder().addAllValues(request.getValuesList()).build());
  }

  @Override
  public void echoStringSet(EchoStringSetRequest request, StreamObserver<EchoStringSetResponse> out) {
    reply(out, EchoStringSetResponse.newBuilder().addAllValues(request.getValuesList()).build());
  }

  @Override
  public void echoMap(EchoMapRequest request, StreamObserver<EchoMapResponse> out) {
    reply(out, EchoMapResponse.newBuilder().putAllValue(request.getValueMap()).build());
  }

  @Override
  public void echoMatrix(EchoMatrixRequest request, StreamObserver<EchoMatrixResponse> out) {
    reply(out, EchoMatrixResponse.newBuilder().addAllMatrix(request.getMatrixList()).build());
  }

  @Override
  public void echoGroups(EchoGroupsRequest request, StreamObserver<EchoGroupsResponse> out) {
    reply(out, EchoGroupsResponse.newBuilder().putAllGroups(request.getGroupsMap()).build());
  }

  @Override
  public void add(AddRequest request, StreamObserver<AddResponse> out) {
    long sum;
    try {
      sum = Math.addExact(request.getLeft(), request.getRight());
    } catch (ArithmeticException e) {
      out.onError(Status.INTERNAL
          .withDescription(InteropRules.addOverflowMessage(request.getLeft(), request.getRight()))
          .asRuntimeException());
      return;
    }
    reply(out, AddResponse.newBuilder().setValue(sum).build());
  }

  @Override
  public void getItem(GetItemRequest request, StreamObserver<Item> out) {
    String sku = request.getSku();
    if (sku.equals(InteropRules.MISSING_SKU)) {
      out.onError(itemNotFound(sku));
      return;
    }
    reply(out, Item.newBuilder()
        .setSku(sku)
        .setQuantity(InteropRules.ITEM_QUANTITY)
        .setDims(Dimensions.newBuilder()
            .setWidthCm(InteropRules.ITEM_WIDTH_CM)
            .setHeightCm(InteropRules.ITEM_HEIGHT_CM))
        .addAllTags(InteropRules.ITEM_TAGS)
        .setOrigin(InteropRules.DEFAULT_ORIGIN)
        .build());
  }

  @Override
  public void reserve(ReserveRequest request, StreamObserver<ReserveResponse> out) {
    String sku = request.getSku();
    int quantity = request.getQuantity();
    if (sku.equals(InteropRules.MISSING_SKU)) {
      out.onError(itemNotFound(sku));
    } else if (quantity < 1) {
      String message = InteropRules.invalidQuantityMessage(quantity);
      out.onError(declared(Code.UNKNOWN, message,
          InvalidRequest.newBuilder().setMessage(message).setField("quantity").build()));
    } else if (quantity > InteropRules.STOCK) {
      String message = InteropRules.outOfStockMessage(sku, quantity);
      out.onError(declared(Code.FAILED_PRECONDITION, message, OutOfStock.newBuilder()
          .setMessage(message)
          .setSku(sku)
          .setAvailable(InteropRules.STOCK)
          .setRequested(quantity)
          .build()));
    } else {
      reply(out, ReserveResponse.newBuilder().setValue(InteropRules.STOCK - quantity).build());
    }
  }

  @Override
  public void failUndeclared(FailUndeclaredRequest request, StreamObserver<Empty> out) {
    out.onError(Status.INTERNAL.withDescription(request.getMessage()).asRuntimeException());
  }

  @Override
  public void logEvent(LogEventRequest request, StreamObserver<Empty> out) {
    events.add(request.getEvent());
    reply(out, Empty.getDefaultInstance());
  }

  @Override
  public void loggedEvents(Empty request, StreamObserver<LoggedEventsResponse> out) {
    reply(out, LoggedEventsResponse.newBuilder().addAllEvents(List.copyOf(events)).build());
  }

  @Override
  public void delay(DelayRequest request, StreamObserver<Empty> out) {
    InteropRules.sleep(request.getMillis());
    reply(out, Empty.getDefaultInstance());
  }

  private static <T> void reply(StreamObserver<T> out, T response) {
    out.onNext(response);
    out.onCompleted();
  }

  private static RuntimeException itemNotFound(String sku) {
    String message = InteropRules.itemNotFoundMessage(sku);
    return declared(Code.NOT_FOUND, message,
        ItemNotFound.newBuilder().setMessage(message).setSku(sku).build());
  }

  /** A declared exception: the annotated code, the exception's message, the exception packed as detail. */
  private static RuntimeException declared(Code code, String message, Message exception) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(Any.pack(exception))
        .build());
  }
}
