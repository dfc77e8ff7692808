# The local stack, without Docker: every component a real process on 127.0.0.1, data under var/.
# Sourced by ./preregistro; ROOT is the repository root.

VAR_DIR="${PREREGISTRO_VAR:-$ROOT/var}"
LOG_DIR="$VAR_DIR/log"
RUN_DIR="$VAR_DIR/run"
VERSION="0.1.0-SNAPSHOT"

# Ports: ports.env gives the defaults, the environment overrides each one.
while IFS='=' read -r name value; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ -z "${!name:-}" ]] && printf -v "$name" '%s' "$value"
  export "${name?}"
done < "$ROOT/deploy/local-stack/ports.env"

SERVICES=(identity-service document-service preregistration-service fmme-service notification-service gateway)
INFRA=(kafka mongodb keycloak mail)
OS_PACKAGES_RUN=(curl tesseract-ocr tesseract-ocr-eng fonts-ocr-b)
OS_PACKAGES_TEST=(curl tesseract-ocr tesseract-ocr-eng fonts-ocr-b chromium chromium-driver prometheus)
OS_PACKAGES_MONITORING=(prometheus)   # up --monitoring: Debian's Prometheus (and promtool, for the tests)

say()  { printf '%s\n' "$*"; }
fail() { printf 'preregistro: %s\n' "$*" >&2; exit 1; }

port_of() {
  case "$1" in
    kafka) echo "$KAFKA_PORT" ;;
    mongodb) echo "$MONGODB_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;;
    mail) echo "$SMTP_PORT" ;;
    gateway) echo "$GATEWAY_PORT" ;;
    identity-service) echo "$IDENTITY_PORT" ;;
    document-service) echo "$DOCUMENT_PORT" ;;
    preregistration-service) echo "$PREREGISTRATION_PORT" ;;
    fmme-service) echo "$FMME_PORT" ;;
    notification-service) echo "$NOTIFICATION_PORT" ;;
    prometheus) echo "$PROMETHEUS_PORT" ;;
    *) fail "unknown component $1" ;;
  esac
}

management_port_of() {  # where a component answers /actuator: the gateway apart from its public port
  case "$1" in
    gateway) echo "$GATEWAY_MANAGEMENT_PORT" ;;
    *) port_of "$1" ;;
  esac
}

jit_of() {  # the services on the submission's path get the optimising compiler: it costs a few minutes of compiling
            # under load and then halves their processor time; identity- and document-service start faster and
            # smaller on the client compiler alone (docs/performance.md)
  case "$1" in identity-service|document-service) echo "-XX:TieredStopAtLevel=1" ;; esac
}

heap_of() {  # each JVM's heap, set on purpose: the idle stack stays well under 6 GiB
  case "$1" in
    kafka) echo "-Xms256m -Xmx512m" ;;
    mongodb) echo "-Xms1g -Xmx1g -XX:MaxTenuringThreshold=2" ;;   # H2's page cache (128 MB) and the indexes: fixed,
                                                                 # and its long-lived pages promoted after two copies
    keycloak) echo "-Xms64m -Xmx640m" ;;
    mail) echo "-Xms256m -Xmx768m" ;;   # GreenMail keeps every e-mail in memory: a long benchmark sends thousands
    document-service) echo "-Xms64m -Xmx768m" ;;   # photos read at once: 40 MP at about 14 bytes a pixel (PixelBudget)
    *) echo "-Xms96m -Xmx256m -Xmn64m" ;;   # young generation 64 MB: collected a third as often as at 22 MB
  esac
}

jvm_of() {  # heap, collector and compiler of each JVM we launch with java (Keycloak brings its own G1 settings):
            # the serial collector costs the least processor time on two shared cores (the MongoDB-wire server's
            # 13.9 ms per approval on G1 became 9.0, docs/performance.md)
  echo "$(heap_of "$1") -XX:+UseSerialGC $(jit_of "$1")$(profile_of "$1")"
}

profile_of() {  # PROFILE_AFTER=SECONDS: a minute of JFR profile from each JVM, that many seconds after it starts, into
                # var/profile/; started with the JVM, since a recording started later costs the run (docs/performance.md)
  [[ -n "${PROFILE_AFTER:-}" ]] || return 0
  mkdir -p "$VAR_DIR/profile"
  echo " -XX:StartFlightRecording=settings=profile,delay=${PROFILE_AFTER}s,duration=60s,filename=$VAR_DIR/profile/$1.jfr"
}

# ---------------------------------------------------------------- OS packages
ensure_os_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  say "Installing OS packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- build
source_hash() {
  (cd "$ROOT" && find . \( -path ./var -o -name target -o -name node_modules -o -path ./.git \) -prune -o \
      -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
}

artifacts_present() {
  local m
  for m in "${SERVICES[@]}"; do [[ -f "$ROOT/$m/target/$m-$VERSION.jar" ]] || return 1; done
  [[ -f "$ROOT/deploy/kafka-runtime/target/classpath/kafka.txt" && -f "$ROOT/deploy/local-stack/target/classpath/mongo.txt" ]]
}

build_if_changed() {
  [[ "${PREREGISTRO_SKIP_BUILD:-}" == "1" ]] && { artifacts_present || fail "no build found; run without PREREGISTRO_SKIP_BUILD"; return 0; }
  mkdir -p "$VAR_DIR"
  local hash; hash=$(source_hash)
  if artifacts_present && [[ -f "$VAR_DIR/build.hash" && "$(cat "$VAR_DIR/build.hash")" == "$hash" ]]; then
    say "Build is up to date."
    return 0
  fi
  say "Building (Maven, tests skipped; ./preregistro test runs them)..."
  (cd "$ROOT" && mvn -B -q -ntp install -DskipTests) || fail "build failed"
  echo "$hash" > "$VAR_DIR/build.hash"
}

# ---------------------------------------------------------------- processes
pid_file() { echo "$RUN_DIR/$1.pid"; }

running_pid() {
  local f; f=$(pid_file "$1")
  [[ -f "$f" ]] || return 1
  local pid; pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  rm -f "$f"; return 1
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# launch NAME ENV... -- COMMAND...: runs in its own session (so down stops its whole process group)
launch() {
  local name=$1; shift
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  if running_pid "$name" >/dev/null; then say "  $name already running"; return 0; fi
  local port; port=$(port_of "$name")
  port_busy "$port" && fail "port $port for $name is in use by another program (set another in the environment; see deploy/local-stack/ports.env)"
  local management; management=$(management_port_of "$name")
  [[ "$management" != "$port" ]] && port_busy "$management" \
    && fail "port $management for $name's health and metrics is in use by another program (see deploy/local-stack/ports.env)"
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  env "${envs[@]}" setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$name")"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

healthy() {
  case "$1" in
    kafka|mongodb) port_busy "$(port_of "$1")" ;;
    keycloak) http_ok "http://127.0.0.1:$KEYCLOAK_PORT/realms/inm/.well-known/openid-configuration" ;;
    mail) http_ok "http://127.0.0.1:$MAIL_API_PORT/api/service/readiness" ;;
    prometheus) http_ok "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" ;;
    *) curl -fsS --max-time 3 "http://127.0.0.1:$(management_port_of "$1")/actuator/health" 2>/dev/null | grep -q '"status":"UP"' ;;
  esac
}

wait_healthy() {
  local name=$1 timeout=${2:-180} waited=0
  while ! healthy "$name"; do
    running_pid "$name" >/dev/null || fail "$name stopped while starting; see $LOG_DIR/$name.log"
    (( waited >= timeout )) && fail "$name not healthy after ${timeout}s; see $LOG_DIR/$name.log"
    sleep 1; waited=$((waited + 1))
  done
  yields_processor "$name" && lower_priority "$name"
  say "  $name healthy (${waited}s)"
}

# The travellers' intake (their pages and API calls) yields the processor to the delivery of what was already
# approved (FMMs printed, e-mails sent, and the Kafka and MongoDB-wire servers both use) whenever both want more than
# the machine has: accepted work finishes before more is taken on, so an approval's e-mail does not queue behind new
# drafts. Idle or with room to spare, nothing changes. docs/performance.md
yields_processor() {
  case "$1" in gateway|identity-service|document-service|preregistration-service|keycloak) return 0 ;; esac
  return 1
}

lower_priority() {  # nice 5 for every thread of the component's process group, and for its session: where the
                    # kernel shares the processor by session (autogroup), a thread's nice value counts only within it
  local pid; pid=$(running_pid "$1") || return 0
  renice -n 5 -g "$pid" >/dev/null 2>&1
  local group; group=$(cut -d' ' -f1 "/proc/$pid/autogroup" 2>/dev/null) || return 0
  [[ "$group" != "$(cut -d' ' -f1 /proc/$$/autogroup)" ]] && echo 5 > "/proc/$pid/autogroup" 2>/dev/null
  return 0
}

# ---------------------------------------------------------------- secrets (generated once, never fixed defaults)
load_secrets() {
  local f="$VAR_DIR/secrets.env" name
  mkdir -p "$VAR_DIR"
  # each secret is generated the first time it is needed; a secrets file from an older checkout gains the new ones
  for name in KEYCLOAK_ADMIN_PASSWORD GATEWAY_CLIENT_SECRET IDENTITY_CLIENT_SECRET CAPTCHA_SECRET; do
    grep -qs "^$name=" "$f" \
      || ( umask 077; echo "$name=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)" >> "$f" )
  done
  set -a; source "$f"; set +a
}

# ---------------------------------------------------------------- components
java_bin() { echo "${JAVA_HOME:+$JAVA_HOME/bin/}java"; }

start_kafka() {
  local dir="$VAR_DIR/kafka" cp
  cp=$(cat "$ROOT/deploy/kafka-runtime/target/classpath/kafka.txt")
  mkdir -p "$dir/data" "$LOG_DIR"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$dir/log4j2.properties" <<'PROPS'
rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
PROPS
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local id; id=$("$(java_bin)" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    "$(java_bin)" -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.properties" kafka.tools.StorageTool format \
      -t "$id" -c "$dir/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 || fail "Kafka storage format failed; see $LOG_DIR/kafka.log"
  fi
  launch kafka -- "$(java_bin)" $(jvm_of kafka) -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties"
}

start_mongodb() {
  local cp="$ROOT/deploy/local-stack/target/local-stack-$VERSION.jar:$(cat "$ROOT/deploy/local-stack/target/classpath/mongo.txt")"
  launch mongodb -- "$(java_bin)" $(jvm_of mongodb) -cp "$cp" mx.gob.inm.preregistro.localstack.MongoWireServer \
    127.0.0.1 "$MONGODB_PORT" "$VAR_DIR/mongodb/preregistro.mv"
}

keycloak_home() {
  local zip; zip=$(cat "$ROOT/deploy/local-stack/target/classpath/keycloak.txt")
  local root; root=$(basename "$zip" .zip); root=${root/keycloak-quarkus-dist/keycloak}
  local home="$VAR_DIR/keycloak/$root"
  if [[ ! -x "$home/bin/kc.sh" ]]; then
    say "  unpacking Keycloak..." >&2
    mkdir -p "$VAR_DIR/keycloak"
    rm -rf "$home.partial" && mkdir -p "$home.partial"
    (cd "$home.partial" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$zip") || fail "cannot unpack $zip"
    mv "$home.partial/$root" "$home" && rm -rf "$home.partial"
    chmod +x "$home"/bin/*.sh
  fi
  echo "$home"
}

# Keycloak's development database (H2) writes a commit to its file up to half a second later: a Keycloak killed
# (-9) meanwhile came back without the last changes (an account activated just before was disabled again). Written
# at once, a commit outlives the process.
KEYCLOAK_H2_DURABLE=";WRITE_DELAY=0"

start_keycloak() {
  local home; home=$(keycloak_home)
  mkdir -p "$home/data/import"
  cp "$ROOT"/deploy/keycloak/*-realm.json "$home/data/import/"
  cp -r "$ROOT"/deploy/keycloak/themes/. "$home/themes/"   # the sign-in page's look (theme inm)
  # Keycloak imports a realm only once; when the realm files (or the secrets they use) change, start it afresh.
  running_pid keycloak >/dev/null || reset_keycloak_if_realm_changed "$home"
  launch keycloak KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
    GATEWAY_CLIENT_SECRET="$GATEWAY_CLIENT_SECRET" IDENTITY_CLIENT_SECRET="$IDENTITY_CLIENT_SECRET" \
    PUBLIC_BASE_URL="$PUBLIC_BASE_URL" JAVA_OPTS_KC_HEAP="$(heap_of keycloak)" -- \
    "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --import-realm --db-url-properties="$KEYCLOAK_H2_DURABLE"
}

reset_keycloak_if_realm_changed() {
  local home=$1 hash
  hash=$(cat "$ROOT"/deploy/keycloak/*-realm.json "$VAR_DIR/secrets.env" | sha1sum | cut -d' ' -f1)
  if [[ -d "$home/data/h2" && "$(cat "$home/data/realm.hash" 2>/dev/null)" != "$hash" ]]; then
    say "  realm inm changed in deploy/keycloak: importing it afresh (the local Keycloak's users are reset)"
    rm -rf "$home/data/h2"
  fi
  echo "$hash" > "$home/data/realm.hash"
}

start_mail() {
  local jar; jar=$(cat "$ROOT/deploy/local-stack/target/classpath/greenmail.txt")
  launch mail -- "$(java_bin)" $(jvm_of mail) \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.users.login=email -jar "$jar"
}

start_service() {
  local m=$1 port; port=$(port_of "$1")
  local envs=(BIND_ADDRESS=127.0.0.1 MONGODB_URI="$MONGODB_URI" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
    KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT" PUBLIC_BASE_URL="$PUBLIC_BASE_URL"
    CAPTCHA_TEST_MODE="${CAPTCHA_TEST_MODE:-false}" CAPTCHA_SECRET="$CAPTCHA_SECRET")
  if [[ "$m" == gateway ]]; then
    envs+=(GATEWAY_PORT="$port" GATEWAY_MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" GATEWAY_CLIENT_SECRET="$GATEWAY_CLIENT_SECRET"
      IDENTITY_SERVICE_URL="http://127.0.0.1:$IDENTITY_PORT" DOCUMENT_SERVICE_URL="http://127.0.0.1:$DOCUMENT_PORT"
      PREREGISTRATION_SERVICE_URL="http://127.0.0.1:$PREREGISTRATION_PORT" FMME_SERVICE_URL="http://127.0.0.1:$FMME_PORT"
      NOTIFICATION_SERVICE_URL="http://127.0.0.1:$NOTIFICATION_PORT")
  else
    envs+=(SERVER_PORT="$port")
  fi
  [[ "$m" == identity-service ]] && envs+=(IDENTITY_CLIENT_SECRET="$IDENTITY_CLIENT_SECRET")
  [[ "$m" == notification-service ]] && envs+=(SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT")
  # run a copy, so a rebuild while the stack runs cannot pull classes from under a live JVM
  mkdir -p "$VAR_DIR/lib"
  running_pid "$m" >/dev/null || cp "$ROOT/$m/target/$m-$VERSION.jar" "$VAR_DIR/lib/$m.jar"
  launch "$m" "${envs[@]}" -- "$(java_bin)" $(jvm_of "$m") \
    -Xss512k -XX:MaxMetaspaceSize=192m -jar "$VAR_DIR/lib/$m.jar"
}

# ---------------------------------------------------------------- monitoring (up --monitoring)
ensure_monitoring_packages() {
  dpkg -s "${OS_PACKAGES_MONITORING[@]}" >/dev/null 2>&1 && return 0
  ensure_os_packages "${OS_PACKAGES_MONITORING[@]}"
  # Debian may start its own Prometheus daemon on install (port 9090): the stack runs its own
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo service prometheus stop >/dev/null 2>&1 || true
  $sudo update-rc.d prometheus disable >/dev/null 2>&1 || true
}

# Debian's Prometheus with deploy/prometheus/prometheus-local.yml, each job's target moved to the port in use.
start_prometheus() {
  local dir="$VAR_DIR/prometheus" job map=""
  mkdir -p "$dir/data"
  for job in "${SERVICES[@]}" prometheus; do map+="$job=$(management_port_of "$job") "; done
  awk -v map="$map" '
    BEGIN { n = split(map, pairs, " "); for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); port[kv[1]] = kv[2] } }
    /^  - job_name:/ { job = $3 }
    /targets:/ && (job in port) { sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" port[job]) }
    { print }' "$ROOT/deploy/prometheus/prometheus-local.yml" > "$dir/prometheus.yml"
  cp "$ROOT/deploy/prometheus/alerts.yml" "$dir/alerts.yml"
  launch prometheus -- /usr/bin/prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
}

# ---------------------------------------------------------------- commands
components() {
  local c=(kafka)
  [[ -z "${EXTERNAL_MONGODB:-}" ]] && c+=(mongodb)
  c+=(keycloak mail "${SERVICES[@]}")
  echo "${c[@]}"
}

cmd_up() {
  local started=$SECONDS monitoring=""
  [[ "${1:-}" == --monitoring ]] && monitoring=1
  ensure_os_packages "${OS_PACKAGES_RUN[@]}"
  [[ -n "$monitoring" ]] && ensure_monitoring_packages
  build_if_changed
  load_secrets
  : "${PUBLIC_BASE_URL:=http://localhost:$GATEWAY_PORT}"
  export PUBLIC_BASE_URL
  if [[ -n "${MONGODB_URI:-}" ]]; then
    EXTERNAL_MONGODB=1
    say "Using MongoDB at MONGODB_URI (the embedded Mongo-wire server is not started)."
  else
    MONGODB_URI="mongodb://127.0.0.1:$MONGODB_PORT"
  fi
  say "Starting the infrastructure..."
  start_kafka;    wait_healthy kafka 120
  if [[ -z "${EXTERNAL_MONGODB:-}" ]]; then start_mongodb; wait_healthy mongodb 60; fi
  start_keycloak; start_mail
  wait_healthy mail 60
  wait_healthy keycloak 300
  say "Starting the services..."
  local m
  for m in "${SERVICES[@]}"; do start_service "$m"; done
  for m in "${SERVICES[@]}"; do wait_healthy "$m" 240; done
  if [[ -n "$monitoring" ]]; then start_prometheus; wait_healthy prometheus 60; fi
  say ""
  say "All healthy in $((SECONDS - started))s."
  say "Open:           http://localhost:$GATEWAY_PORT/"
  say "E-mails:        http://127.0.0.1:$MAIL_API_PORT/api/user/<e-mail>/messages/ (GreenMail API), IMAP 127.0.0.1:$IMAP_PORT (user and password: the e-mail address)"
  say "Keycloak admin: http://127.0.0.1:$KEYCLOAK_PORT/admin/ (user admin, password in $VAR_DIR/secrets.env)"
  [[ -n "$monitoring" ]] && say "Prometheus:     http://127.0.0.1:$PROMETHEUS_PORT/ (alerts: /alerts; rules from deploy/prometheus/alerts.yml)"
  say "Status: ./preregistro status    Logs: ./preregistro logs [component]    Stop: ./preregistro down"
}

cmd_down() {
  local c pid stopped=0
  for c in prometheus gateway notification-service fmme-service preregistration-service document-service identity-service mail keycloak mongodb kafka; do
    pid=$(running_pid "$c") || continue
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && (( waited < 30 )); do sleep 1; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    pkill -KILL -g "$pid" 2>/dev/null || true
    rm -f "$(pid_file "$c")"
    say "  $c stopped"; stopped=$((stopped + 1))
  done
  (( stopped == 0 )) && say "Nothing was running."
  return 0
}

rss_mb() {  # resident memory of the whole process group, in MiB
  ps -o rss= -g "$1" 2>/dev/null | awk '{s+=$1} END {printf "%d", s/1024}'
}

cmd_status() {
  local c pid state rss total=0 all_healthy=1
  printf '%-24s %-7s %-10s %8s\n' COMPONENT PORT STATE "RSS(MiB)"
  for c in kafka mongodb keycloak mail "${SERVICES[@]}"; do
    if pid=$(running_pid "$c"); then
      if healthy "$c"; then state=healthy; else state=unhealthy; all_healthy=0; fi
      rss=$(rss_mb "$pid"); total=$((total + rss))
    else
      state=stopped; rss=-; all_healthy=0
    fi
    printf '%-24s %-7s %-10s %8s\n' "$c" "$(port_of "$c")" "$state" "$rss"
  done
  if pid=$(running_pid prometheus); then   # only with up --monitoring
    if healthy prometheus; then state=healthy; else state=unhealthy; all_healthy=0; fi
    rss=$(rss_mb "$pid"); total=$((total + rss))
    printf '%-24s %-7s %-10s %8s\n' prometheus "$PROMETHEUS_PORT" "$state" "$rss"
  fi
  printf '%-24s %-7s %-10s %8s\n' total "" "" "$total"
  say "Other ports: gateway health and metrics $GATEWAY_MANAGEMENT_PORT, Kafka controller $KAFKA_CONTROLLER_PORT, Keycloak management $KEYCLOAK_MANAGEMENT_PORT, IMAP $IMAP_PORT, mail API $MAIL_API_PORT"
  (( all_healthy == 1 ))
}

cmd_logs() {
  mkdir -p "$LOG_DIR"
  if [[ -n "${1:-}" ]]; then
    [[ -f "$LOG_DIR/$1.log" ]] || fail "no log for '$1' (components: kafka mongodb keycloak mail ${SERVICES[*]})"
    tail -n 200 -F "$LOG_DIR/$1.log"
  else
    tail -n 20 -F "$LOG_DIR"/*.log
  fi
}

cmd_test() {
  ensure_os_packages "${OS_PACKAGES_TEST[@]}"
  cd "$ROOT"
  mvn -B -ntp install "$@"
}

# bench: the end-to-end benchmark against the stack on this machine (started, when it is not running, with the
# captcha test mode, without the gateway's rate limits and with a high daily submissions limit); the figures end
# with one "bench:" line and are kept in $VAR_DIR/bench/last.txt
cmd_bench() {
  local props=() arg
  for arg in "$@"; do
    case "$arg" in
      --travellers=*) props+=("-Dbench.travellers=${arg#*=}") ;;
      --workers=*) props+=("-Dbench.workers=${arg#*=}") ;;
      --seconds=*) props+=("-Dbench.seconds=${arg#*=}") ;;
      --warmup=*) props+=("-Dbench.warmup=${arg#*=}") ;;
      *) fail "unknown option $arg (bench [--travellers=N] [--workers=N] [--warmup=N] [--seconds=N])" ;;
    esac
  done
  ensure_os_packages "${OS_PACKAGES_TEST[@]}"
  if running_pid gateway >/dev/null; then build_if_changed; else
    # the travellers are few accounts from one address, each submitting about 85 times
    CAPTCHA_TEST_MODE=true RATE_LIMITS_ENABLED=false SUBMISSIONS_PER_DAY=1000 cmd_up
  fi
  rm -f "$VAR_DIR/bench/last.txt"
  (cd "$ROOT" && mvn -B -ntp -pl system-tests test -Dtest=EndToEndBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
         -Dbenchmark=true "${props[@]}") > "$VAR_DIR/bench.log" 2>&1 \
    || { tail -n 60 "$VAR_DIR/bench.log"; fail "benchmark failed (whole output: $VAR_DIR/bench.log)"; }
  cat "$VAR_DIR/bench/last.txt"
}

stack_main() {
  local cmd=${1:-help}; shift || true
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    test) cmd_test "$@" ;;
    bench) cmd_bench "$@" ;;
    ocr-eval) ensure_os_packages "${OS_PACKAGES_RUN[@]}"; exec bash "$ROOT/deploy/local-stack/ocr-eval.sh" "$@" ;;
    *) sed -n '2,9p' "$ROOT/preregistro"; [[ "$cmd" == help || "$cmd" == -h || "$cmd" == --help ]] ;;
  esac
}
