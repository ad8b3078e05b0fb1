{{/* Names and labels. */}}
{{- define "hardtech.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "hardtech.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* (list $ "api"): the selector of one component. */}}
{{- define "hardtech.selector" -}}
{{- $ := index . 0 -}}
app.kubernetes.io/name: {{ $.Chart.Name }}
app.kubernetes.io/instance: {{ $.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "hardtech.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "hardtech.secretName" -}}
{{ .Values.existingSecret | default (printf "%s-secrets" (include "hardtech.fullname" .)) }}
{{- end -}}

{{- define "hardtech.auditCheckpointsClaim" -}}
{{ .Values.auditCheckpoints.existingClaim | default (printf "%s-audit-checkpoints" (include "hardtech.fullname" .)) }}
{{- end -}}

{{- define "hardtech.filesClaim" -}}
{{ .Values.files.existingClaim | default (printf "%s-files" (include "hardtech.fullname" .)) }}
{{- end -}}

{{/* The environment every process shares (ConfigMap data; the migration hook has a copy). */}}
{{- define "hardtech.configData" -}}
NODE_ENV: production
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
DATABASE_POOL_SIZE: {{ .Values.config.databasePoolSize | quote }}
ADMIN_USERNAME: {{ .Values.config.adminUsername | quote }}
MAX_UPLOAD_MB: {{ .Values.config.maxUploadMb | quote }}
TRUST_PROXY: {{ .Values.config.trustProxy | quote }}
FILE_STORE_DIR: /var/lib/hardtech/files
AUDIT_CHECKPOINT_DIR: /var/lib/hardtech/audit-checkpoints
TEMPORAL_ADDRESS: {{ .Values.temporal.address | quote }}
TEMPORAL_NAMESPACE: {{ .Values.temporal.namespace | quote }}
TEMPORAL_TASK_QUEUE: {{ .Values.temporal.taskQueue | quote }}
{{- /* Every worker of the chart polls the one queue: each may keep the schedules (README). */}}
TEMPORAL_SCHEDULE_TASK_QUEUE: {{ .Values.temporal.taskQueue | quote }}
{{- with .Values.temporal.tls }}
{{- if .enabled }}
TEMPORAL_TLS_CERT: /etc/hardtech/temporal/tls.crt
TEMPORAL_TLS_KEY: /etc/hardtech/temporal/tls.key
{{- if .ca }}
TEMPORAL_TLS_CA: /etc/hardtech/temporal/ca.crt
{{- end }}
{{- with .serverName }}
TEMPORAL_TLS_SERVER_NAME: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
SHUTDOWN_DELAY_SECONDS: {{ .Values.api.drain.shutdownDelaySeconds | quote }}
SHUTDOWN_TIMEOUT_SECONDS: {{ .Values.api.drain.shutdownTimeoutSeconds | quote }}
WORKER_SHUTDOWN_GRACE_SECONDS: {{ .Values.worker.shutdownGraceSeconds | quote }}
WORKER_HTTP_PORT: {{ .Values.worker.metricsPort | quote }}
WORKER_MAX_CACHED_WORKFLOWS: {{ .Values.worker.maxCachedWorkflows | quote }}
WORKER_ACTIVATION_TIMEOUT_MS: {{ .Values.worker.activationTimeoutMs | quote }}
{{- range $k, $v := .Values.config.extra }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* Secret data; the four the processes cannot start without are required. */}}
{{- define "hardtech.secretData" -}}
{{- $s := .Values.secrets -}}
{{- $_ := required "secrets.DATABASE_URL is required (or existingSecret)" $s.DATABASE_URL -}}
{{- if lt (len (required "secrets.JWT_SECRET is required (or existingSecret)" $s.JWT_SECRET)) 32 -}}
{{- fail "secrets.JWT_SECRET must have at least 32 characters" -}}
{{- end -}}
{{- if lt (len (required "secrets.AUDIT_HMAC_KEY is required (or existingSecret)" $s.AUDIT_HMAC_KEY)) 32 -}}
{{- fail "secrets.AUDIT_HMAC_KEY must have at least 32 characters" -}}
{{- end -}}
{{- if lt (len (required "secrets.ADMIN_PASSWORD is required (or existingSecret)" $s.ADMIN_PASSWORD)) 10 -}}
{{- fail "secrets.ADMIN_PASSWORD must have at least 10 characters" -}}
{{- end -}}
{{- range $k, $v := $s }}
{{- if $v }}
{{ $k }}: {{ $v | toString | b64enc | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* envFrom of the API, the worker and the migration (the migration's hook copies by name). */}}
{{- define "hardtech.envFrom" -}}
{{- $ := index . 0 -}}
{{- $suffix := index . 1 -}}
- configMapRef:
    name: {{ include "hardtech.fullname" $ }}-config{{ $suffix }}
- secretRef:
    name: {{ if $.Values.existingSecret }}{{ $.Values.existingSecret }}{{ else }}{{ include "hardtech.secretName" $ }}{{ $suffix }}{{ end }}
{{- end -}}

{{/* Volumes of the Node processes: /tmp, the evidence files, the Temporal client certificate. */}}
{{- define "hardtech.volumes" -}}
- name: tmp
  emptyDir: {}
- name: files
  persistentVolumeClaim:
    claimName: {{ include "hardtech.filesClaim" . }}
{{- if .Values.temporal.tls.enabled }}
- name: temporal-tls
  secret:
    secretName: {{ required "temporal.tls.clientSecret names the Secret of the client certificate" .Values.temporal.tls.clientSecret }}
{{- end }}
{{- end -}}

{{- define "hardtech.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: files
  mountPath: /var/lib/hardtech/files
{{- if .Values.temporal.tls.enabled }}
- name: temporal-tls
  mountPath: /etc/hardtech/temporal
  readOnly: true
{{- end }}
{{- end -}}

{{- define "hardtech.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
