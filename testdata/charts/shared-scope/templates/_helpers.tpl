{{- define "shared.where" -}}{{ .Template.Name }}{{- end }}
