package dev.polyglot.adapters.grpc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.gateway.config.Endpoint;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointsNameResolverProviderTest {

  @Test
  void theTargetCarriesEveryEndpointWithIpv6BracketsEscaped() throws Exception {
    String target = EndpointsNameResolverProvider.target(List.of(Endpoint.of("10.0.0.1", 50061), Endpoint.of("::1", 50062), Endpoint.of("backend.internal", 7)));
    assertEquals("polyglot-endpoints:///10.0.0.1:50061,%5B::1%5D:50062,backend.internal:7", target);
    URI uri = new URI(target);
    assertEquals("polyglot-endpoints", uri.getScheme());
    assertEquals("/10.0.0.1:50061,[::1]:50062,backend.internal:7", uri.getPath());
    assertEquals(Endpoint.of("::1", 50062), Endpoint.parse(uri.getPath().substring(1).split(",")[1]));
  }
}
