{{- define "nested-tpl.name" -}}{{ .Chart.Name }}-{{ .Release.Name }}{{- end }}
