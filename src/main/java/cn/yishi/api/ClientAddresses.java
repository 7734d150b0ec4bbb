package cn.yishi.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who sent a request, for the per-address write limit. The peer address, unless the peer is a
 * trusted proxy: then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and
 * the first other address is the client (what the client wrote further left is not believed).
 * Trusted clients (the mini-program's backend, one address for every resident) are not limited.
 * Entries are IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); never host names.
 */
final class ClientAddresses {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<Range> trustedClients;
  private final List<Range> trustedProxies;

  ClientAddresses(List<String> trustedClients, List<String> trustedProxies) {
    this.trustedClients = ranges(trustedClients, "yishi.limits.writes.trusted-clients");
    this.trustedProxies = ranges(trustedProxies, "yishi.limits.writes.trusted-proxies");
  }

  /** The client's address as text (an IP address in canonical form where it parses). */
  String clientOf(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    InetAddress peerAddress = parse(peer);
    if (peerAddress == null || !in(trustedProxies, peerAddress)) {
      return peerAddress == null ? peer : peerAddress.getHostAddress();
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    String client = peerAddress.getHostAddress();
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = parse(hops.get(i));
      if (hop == null) {
        // written by the client itself (a trusted proxy appends addresses): not believed
        return client;
      }
      client = hop.getHostAddress();
      if (!in(trustedProxies, hop)) {
        return client;
      }
    }
    return client;
  }

  /** Whether the address (as returned by {@link #clientOf}) is a trusted client. */
  boolean trusted(String client) {
    InetAddress address = parse(client);
    return address != null && in(trustedClients, address);
  }

  private static boolean in(List<Range> ranges, InetAddress address) {
    for (Range range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An IP literal (IPv4, IPv6, {@code [v6]:port}, {@code v4:port}) without a DNS lookup; null
   * otherwise.
   */
  static InetAddress parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.startsWith("[") && s.indexOf(']') > 0) {
      s = s.substring(1, s.indexOf(']'));
    } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') > 0) {
      s = s.substring(0, s.indexOf(':'));
    }
    if (!LITERAL.matcher(s).matches()
        || !(s.indexOf(':') >= 0 || s.chars().filter(c -> c == '.').count() == 3)) {
      return null;
    }
    try {
      return InetAddress.getByName(s); // a literal: no lookup
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static List<Range> ranges(List<String> entries, String property) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries == null ? List.<String>of() : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split("/", 2);
      InetAddress base = parse(parts[0]);
      int bits = base == null ? -1 : base.getAddress().length * 8;
      int prefix = bits;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
      }
      if (base == null || prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            property + ": '" + entry + "' is not an IP address or CIDR range");
      }
      ranges.add(new Range(base.getAddress(), prefix));
    }
    return List.copyOf(ranges);
  }

  private record Range(byte[] base, int prefix) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != base.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
