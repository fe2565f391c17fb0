package dev.appdb.adapter.jooq;

/**
 * One PostgreSQL server of a target.
 *
 * @param host a host name, IPv4 address or IPv6 address (without brackets)
 * @param port 1 to 65535
 */
record PostgresHost(String host, int port) {

  /** @return {@code host:port}, an IPv6 address in brackets: {@code [::1]:5432} */
  String uriForm() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
