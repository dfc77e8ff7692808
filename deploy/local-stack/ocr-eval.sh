#!/usr/bin/env bash
# ocr-eval DIR: reads every NAME.png|jpg|jpeg in DIR that has a truth file NAME.json with document-service's MRZ
# pipeline (the same intake and OCR as POST /api/documents/scans), prints one line per image (WRONG values apart
# from unreadable fields), a line with the counts of wrong and unreadable fields and the processor time, and the
# summary line:
#   ocr-eval: N images, D% documents exact, F% fields exact, L% lines exact, median T ms, p95 U ms
# Needs the OS packages tesseract-ocr-eng and fonts-ocr-b. Builds document-service first when its jar is missing or
# older than its sources.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/document-service"
MAIN_CLASS="mx.gob.inm.preregistro.document.ocr.OcrEval"

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: ocr-eval.sh DIR   (DIR holds NAME.png|jpg|jpeg with NAME.json)" >&2
  exit 2
fi
DIR="$(cd "$1" && pwd)"

version() {
  sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$MODULE/pom.xml" | head -1
}

JAR="$MODULE/target/document-service-$(version).jar"
stale() {
  [[ ! -f "$JAR" ]] && return 0
  [[ -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$JAR" -type f -print -quit)" ]]
}

if stale; then
  echo "ocr-eval: building document-service..." >&2
  (cd "$ROOT" && { mvn -B -q -ntp -o install -DskipTests -pl document-service -am >&2 \
      || mvn -B -q -ntp install -DskipTests -pl document-service -am >&2; }) \
    || { echo "ocr-eval: build failed" >&2; exit 1; }
fi

export OMP_THREAD_LIMIT=1   # one core for Tesseract too, as the figures are quoted
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:ActiveProcessorCount=1 -Xmx512m -cp "$JAR" \
  -Dloader.main="$MAIN_CLASS" org.springframework.boot.loader.launch.PropertiesLauncher "$DIR"
