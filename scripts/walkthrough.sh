#!/usr/bin/env bash
# One candidate's case from registration to certificate, through the public API only, against a running
# instance (start it with: mvn spring-boot:run). It creates its own exam session, so the demo session stays
# as it is, and fires that session's milestones at once instead of waiting for their dates.
#
#   scripts/walkthrough.sh [base-url]          (default http://localhost:8080)
#   DEMO_PASSWORD=... scripts/walkthrough.sh    (if you changed the demo password)
#
# Needs bash, curl, sed, grep, awk and date (GNU coreutils).
set -euo pipefail

BASE=${1:-http://localhost:8080}
PASSWORD=${DEMO_PASSWORD:-Carbon-Demo-2026}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$(cd "$(dirname "$0")/.." && pwd)

step() { printf '\n\033[1;32m== %s\033[0m\n' "$*"; }
fail() { printf '\033[1;31m!! %s\033[0m\n' "$*" >&2; exit 1; }
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
number() { grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }

# --- HTTP helpers: a cookie jar per person, CSRF token from the XSRF-TOKEN cookie ---
xsrf() { awk '$6 == "XSRF-TOKEN" { print $7 }' "$WORK/$1.jar" | tail -1; }
call() { # call <who> <method> <path> [curl args...]; prints the body, fails on HTTP >= 400
  local who=$1 method=$2 path=$3; shift 3
  local out="$WORK/out" code
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -b "$WORK/$who.jar" -c "$WORK/$who.jar" \
    -H "X-XSRF-TOKEN: $(xsrf "$who")" "$@" "$BASE$path")
  if [ "$code" -ge 400 ]; then fail "$method $path -> HTTP $code: $(cat "$out")"; fi
  cat "$out"
}
json() { call "$1" "$2" "$3" -H 'Content-Type: application/json' --data "$4"; }
login() { # login <who> <username>
  : > "$WORK/$1.jar"
  curl -s -o /dev/null -b "$WORK/$1.jar" -c "$WORK/$1.jar" "$BASE/api/auth/csrf"
  json "$1" POST /api/auth/login "{\"username\":\"$2\",\"password\":\"$PASSWORD\"}" > /dev/null
}
rest() { # rest <staff user> <method> <path> [json]; the engine REST API with HTTP Basic
  local args=(-s -f -u "$1:$PASSWORD" -X "$2" "$BASE/engine-rest$3")
  [ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data "$4")
  curl "${args[@]}" || fail "engine-rest $2 $3 failed for $1"
}
wait_for() { # wait_for <description> <command...>: retries for up to 60 s (the job executor works asynchronously)
  local what=$1; shift
  for _ in $(seq 1 60); do
    if "$@" > /dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "timed out waiting for: $what"
}
task_of() { # task_of <staff user> <business key> <task definition key>: first open task id
  rest "$1" GET "/task?processInstanceBusinessKey=$2&taskDefinitionKey=$3" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
has_task() { [ -n "$(task_of "$@")" ]; }
complete_task() { # complete_task <staff user> <task id> <variables json>
  rest "$1" POST "/task/$2/claim" "{\"userId\":\"$1\"}" > /dev/null
  rest "$1" POST "/task/$2/submit-form" "{\"variables\":$3}" > /dev/null
}
fire() { # fire <milestone>: the manager fires it now and waits until it is reached
  json manager POST "/api/manager/sessions/$SESSION/milestones/$1" '{}' | field message
  wait_for "$1 reached" milestone_reached "$1"
}
milestone_reached() { call manager GET "/api/manager/sessions/$SESSION" | grep -o "\"milestone\":\"$1\"[^}]*" | grep -q reachedAt; }
stage() { call candidate GET "/api/applications/$NUMBER/status" | field stage; }
stage_is() { [ "$(stage)" = "$1" ]; }

valid_id_number() { # a random, valid 18-digit ID-card number (GB 11643 check digit)
  local base="110105$(date -d "1985-01-01 + $((RANDOM % 5000)) days" +%Y%m%d)$(printf '%03d' $((RANDOM % 1000)))"
  local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=10X98765432 sum=0 i
  for i in $(seq 0 16); do sum=$((sum + ${base:$i:1} * weights[i])); done
  echo "$base${checks:$((sum % 11)):1}"
}

iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

step "0. Is the application up at $BASE?"
curl -sf "$BASE/api/sessions" > /dev/null || fail "no answer from $BASE (start it with: mvn spring-boot:run)"

step "1. The manager creates an exam session for this walk-through (pass mark 60: the scripted candidate guesses)"
login manager manager
SESSION="WALK-$(date +%H%M%S)"
json manager POST /api/manager/sessions "{\"code\":\"$SESSION\",\"name\":\"走查考期 $SESSION\",
  \"applicationsCloseAt\":\"$(iso '+30 days')\",\"materialsCloseAt\":\"$(iso '+30 days')\",
  \"hoursCutoffAt\":\"$(iso '+33 days')\",\"examStartAt\":\"$(iso '+35 days')\",\"examEndAt\":\"$(iso '+35 days 2 hours')\",
  \"scoresPublishAt\":\"$(iso '+45 days')\",\"certificatesIssueAt\":\"$(iso '+60 days')\",
  \"durationMinutes\":120,\"totalPoints\":150,\"passMark\":60,\"requiredHours\":36,
  \"supportContact\":\"测评系统客服电话 400-650-6886\"}" | field code

step "2. A candidate registers and logs in"
MOBILE="139$(printf '%08d' $(( (RANDOM * 32768 + RANDOM) % 100000000 )))"
ID_NUMBER=$(valid_id_number)
: > "$WORK/candidate.jar"
curl -s -o /dev/null -b "$WORK/candidate.jar" -c "$WORK/candidate.jar" "$BASE/api/auth/csrf"
json candidate POST /api/auth/register "{\"fullName\":\"王碳达\",\"idNumber\":\"$ID_NUMBER\",\"mobile\":\"$MOBILE\",\"email\":\"w$MOBILE@example.cn\",\"password\":\"$PASSWORD\"}" | field maskedIdNumber
login candidate "$MOBILE"

step "3. The candidate fills in the application and uploads the materials"
NUMBER=$(json candidate POST /api/applications "{\"sessionCode\":\"$SESSION\",\"details\":{
  \"educationLevel\":\"BACHELOR\",\"school\":\"清华大学\",\"graduationDate\":\"2015-07-01\",\"major\":\"能源与动力工程\",
  \"relatedMajor\":true,\"relatedWorkYears\":4,\"employer\":\"某能源集团\",\"position\":\"碳管理专员\",
  \"qualifications\":\"无\",\"institutionStaff\":false,\"lawAbidingDeclared\":true,\"claimedClause\":\"RULE_3_BACHELOR_1Y\"}}" | field applicationNumber)
echo "application number: $NUMBER"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDATx\x9cc\xf8\xcf\xc0\0\0\x03\x01\x01\0\xc9\xfe\x92\xef\0\0\0\0IEND\xaeB`\x82' > "$WORK/photo.png"
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$WORK/scan.pdf"
for type in PHOTO ID_CARD_FRONT ID_CARD_BACK; do
  call candidate POST "/api/applications/$NUMBER/documents" -F "type=$type" -F "file=@$WORK/photo.png;type=image/png" | field typeLabel
done
for type in REGISTRATION_FORM DIPLOMA DEGREE_CERTIFICATE EMPLOYMENT_PROOF; do
  call candidate POST "/api/applications/$NUMBER/documents" -F "type=$type" -F "file=@$WORK/scan.pdf;type=application/pdf" | field typeLabel
done
call candidate POST "/api/applications/$NUMBER/submit" | field statusLabel

step "4. The reviewer approves in the engine's task list (what Tasklist does)"
wait_for "review task" has_task reviewer "$NUMBER" Task_ReviewDocuments
complete_task reviewer "$(task_of reviewer "$NUMBER" Task_ReviewDocuments)" '{"decision":{"value":"APPROVE"}}'
wait_for "eligibility checked" stage_is COLLECTING_HOURS
call candidate GET "/api/applications/$NUMBER/status" | field reason

step "5. The training platform's hours are imported (CSV), applications and materials close"
printf 'id_number,hours,completed_at,course\n%s,20,%s,双碳目标和政策解读\n%s,16,%s,碳交易与碳资产管理\n' \
  "$ID_NUMBER" "$(date -d '-2 days' '+%Y-%m-%d 10:00')" "$ID_NUMBER" "$(date -d '-1 days' '+%Y-%m-%d 10:00')" > "$WORK/hours.csv"
call manager POST /api/manager/training-records -F "file=@$WORK/hours.csv;type=text/csv" | number records
fire APPLICATIONS_CLOSED
fire MATERIALS_CLOSED

step "6. Hours are counted and the exam opens"
fire HOURS_COUNTED
fire EXAM_OPENED
wait_for "sitting opened" stage_is EXAM_READY

step "7. The candidate sits the exam: starts, answers, submits"
call candidate POST "/api/applications/$NUMBER/exam/start" | number remainingSeconds
# Every candidate has their own paper (drawn from the session's blueprint, options shuffled). The scripted candidate
# does not know the keys: it answers every choice item "A" and every true/false item "正确" (TRUE), and writes
# the short answers, which the grader then marks.
call candidate GET "/api/applications/$NUMBER/exam" > "$WORK/paper.json"
sequence=0
for position in $(grep -o '"position":[0-9]*,"type":"[A-Z_]*"' "$WORK/paper.json" | sed 's/"position":\([0-9]*\),"type":"\([A-Z_]*\)"/\1:\2/'); do
  sequence=$((sequence + 1))
  case "${position#*:}" in
    SHORT_ANSWER) answer="排放量 = 活动数据 × 排放因子；先确定核算边界，再识别排放源、收集活动数据、选取排放因子，并做好质量控制。" ;;
    TRUE_FALSE) answer="TRUE" ;;
    *) answer="A" ;;
  esac
  json candidate PUT "/api/applications/$NUMBER/exam/answers/${position%%:*}" \
    "{\"response\":\"$answer\",\"clientSequence\":$sequence}" > /dev/null
done
position=$sequence
echo "answered $position questions"
call candidate POST "/api/applications/$NUMBER/exam/submit" | field statusLabel

step "8. The grader marks the five short answers (one task per answer, anonymous)"
for _ in 1 2 3 4 5; do
  wait_for "grading task" has_task grader "$NUMBER" Task_FirstMarking
  complete_task grader "$(task_of grader "$NUMBER" Task_FirstMarking)" '{"score":{"value":12}}'
done

step "9. The exam closes, scores are published"
fire EXAM_CLOSED
fire SCORES_PUBLISHED
wait_for "result published" call candidate GET "/api/applications/$NUMBER/result"
call candidate GET "/api/applications/$NUMBER/result" > "$WORK/result.json"
echo "total: $(number totalScore < "$WORK/result.json") of 150, $(field outcomeLabel < "$WORK/result.json")"

step "10. Certificates are issued; the candidate downloads the PDF"
fire CERTIFICATES_ISSUED
wait_for "certificate issued" stage_is CERTIFIED
call candidate GET "/api/applications/$NUMBER/certificate" > "$WORK/certificate.pdf"
head -c 5 "$WORK/certificate.pdf" | grep -q '%PDF-' || fail "the certificate is not a PDF"
cp "$WORK/certificate.pdf" "./certificate-$NUMBER.pdf"
echo "certificate saved as ./certificate-$NUMBER.pdf ($(wc -c < "./certificate-$NUMBER.pdf") bytes)"
call candidate GET /api/notifications | grep -o '"title":"[^"]*"' | cut -d'"' -f4 | sed 's/^/notification: /'

step "Done: $NUMBER went from registration to certificate."
