# Sourced by ./mvnw and ./quorum: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then the `javac` on PATH, then the newest JDK under
# /usr/lib/jvm or /opt. Quorum is compiled for release 21, so an older default JDK (17 on many
# Debian machines) must not be picked up silently.
quorum_jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
quorum_jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  quorum_jdk_major_found=$(quorum_jdk_major "$1")
  [ -n "$quorum_jdk_major_found" ] && [ "$quorum_jdk_major_found" -ge 21 ]
}
quorum_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && quorum_jdk_ok "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    quorum_candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if quorum_jdk_ok "$quorum_candidate"; then JAVA_HOME=$quorum_candidate; export JAVA_HOME; return 0; fi
  fi
  quorum_best=""; quorum_best_major=0
  # mvnw runs with `set -f`; the JDK folders need globbing.
  case $- in *f*) quorum_noglob=1; set +f ;; *) quorum_noglob=0 ;; esac
  for quorum_candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$quorum_candidate" ] || continue
    if quorum_jdk_ok "$quorum_candidate" && [ "$quorum_jdk_major_found" -gt "$quorum_best_major" ]; then
      quorum_best=$quorum_candidate; quorum_best_major=$quorum_jdk_major_found
    fi
  done
  [ "$quorum_noglob" = 1 ] && set -f
  if [ -n "$quorum_best" ]; then JAVA_HOME=$quorum_best; export JAVA_HOME; return 0; fi
  echo "Quorum needs a JDK 21 or newer. Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
  return 1
}
quorum_find_jdk || exit 1
# Maven's own Guice warns on JDK 24+ about sun.misc.Unsafe; the warning is about Maven, not Quorum.
if [ "$(quorum_jdk_major "$JAVA_HOME")" -ge 24 ]; then
  case "${MAVEN_OPTS-}" in *sun-misc-unsafe*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
