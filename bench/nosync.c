/* Seeding only: an LD_PRELOAD shim that turns fsync and fdatasync into
 * no-ops, so that bench_driver can build a 100,000-revision store through
 * the host's real update path in seconds instead of the hour two fsyncs per
 * revision take on a real disk. Every measurement runs without it. */
int fsync(int fd) {
  (void)fd;
  return 0;
}
int fdatasync(int fd) {
  (void)fd;
  return 0;
}
