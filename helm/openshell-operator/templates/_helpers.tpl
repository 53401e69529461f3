{{/* Chart name. */}}
{{- define "openshell-operator.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Fully qualified app name, ≤ 63 characters. */}}
{{- define "openshell-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "openshell-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "openshell-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "openshell-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "openshell-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: openshell-operator
{{- end -}}

{{- define "openshell-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "openshell-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "openshell-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "openshell-operator.agentImage" -}}
{{- printf "%s:%s" .Values.agentImage.repository (default .Chart.AppVersion .Values.agentImage.tag) -}}
{{- end -}}

{{- define "openshell-operator.webhookServiceName" -}}
{{- printf "%s-webhook" (include "openshell-operator.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "openshell-operator.webhookSecretName" -}}
{{- printf "%s-webhook-tls" (include "openshell-operator.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
