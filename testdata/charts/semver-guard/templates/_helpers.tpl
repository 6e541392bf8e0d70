{{- define "semver-guard.version" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end }}
