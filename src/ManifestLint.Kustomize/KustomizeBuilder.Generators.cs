using System.Security.Cryptography;
using System.Text;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Templates.Encoding;
using ManifestLint.Templates.Values;

namespace ManifestLint.Kustomize;

/// <summary>configMapGenerator and secretGenerator, with behaviors, options and kustomize's name hash.</summary>
public sealed partial class KustomizeBuilder
{
    private void Generate(KustomizationFile k, List<KResource> resources)
    {
        var global = k.Root.GetMapping("generatorOptions");
        foreach (var g in Mappings(k, "configMapGenerator"))
            Generated(k, g, global, secret: false, resources);
        foreach (var g in Mappings(k, "secretGenerator"))
            Generated(k, g, global, secret: true, resources);
    }

    private void Generated(KustomizationFile k, YamlMapping g, YamlMapping? global, bool secret, List<KResource> resources)
    {
        var kind = secret ? "Secret" : "ConfigMap";
        var name = g.GetString("name") ?? throw new KustomizeException(g.Span, $"a {kind} generator needs a 'name'");
        var origin = new NodeOrigin(g.GetEntry("name") is { } ne ? KYaml.OriginOf(ne).Span : g.Span);
        var behavior = g.GetString("behavior") ?? "create";
        if (behavior is not ("create" or "merge" or "replace"))
            throw new KustomizeException(g.GetKey("behavior")!.Span, $"unknown generator behavior '{behavior}' (create, merge or replace)");
        var data = new KMap();
        var binary = new KMap();
        foreach (var lit in Items(g, "literals"))
        {
            var text = lit.Text;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
                throw new KustomizeException(lit.Span, $"invalid literal source {text}, expected key=value");
            AddData(data, text[..eq], Unquote(text[(eq + 1)..]), KYaml.OriginOf(lit), lit.Span);
        }

        foreach (var f in Items(g, "files"))
        {
            var text = f.Text;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? Path.GetFileName(text) : text[..eq];
            var file = eq < 0 ? text : text[(eq + 1)..];
            var full = Path.GetFullPath(Path.Combine(k.FullDirectory, file));
            if (!File.Exists(full))
                throw new KustomizeException(f.Span, $"generator file '{file}' not found");
            CheckInside(k, full, f.Span);
            var bytes = File.ReadAllBytes(full);
            string content;
            try
            {
                content = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                if (secret)
                {
                    AddData(data, key, bytes, KYaml.OriginOf(f), f.Span);
                    continue;
                }

                AddData(binary, key, Convert.ToBase64String(bytes), KYaml.OriginOf(f), f.Span);
                continue;
            }

            AddData(data, key, content, KYaml.OriginOf(f), f.Span);
        }

        var envs = Items(g, "envs").ToList();
        if (g.GetScalar("env") is { IsNull: false } single)
            envs.Add(single);
        foreach (var env in envs)
        {
            var full = Path.GetFullPath(Path.Combine(k.FullDirectory, env.Text));
            if (!File.Exists(full))
                throw new KustomizeException(env.Span, $"env file '{env.Text}' not found");
            var rel = CheckInside(k, full, env.Span);
            var lines = ReadText(full, env.Span).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (i == 0)
                    line = line.TrimStart('\uFEFF');
                var trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                    continue;
                var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
                var at = SourceSpan.At(rel, i + 1, 1);
                if (eq < 0)
                    throw new KustomizeException(at, $"env file line '{trimmed}' has no '='; reading the value from the environment is not supported offline", unsupported: true);
                AddData(data, trimmed[..eq], trimmed[(eq + 1)..], new NodeOrigin(new SourceSpan(rel, i + 1, 1, i + 1, line.Length + 1)), at);
            }
        }

        // Options: the generator's own on top of generatorOptions.
        var labels = new KMap();
        var annotations = new KMap();
        var disableHash = false;
        bool? immutable = null;
        foreach (var options in new[] { global, g.GetMapping("options") })
        {
            if (options is null)
                continue;
            foreach (var (key, target) in new[] { ("labels", labels), ("annotations", annotations) })
            {
                if (options.GetMapping(key) is { } m)
                {
                    foreach (var e in m.Entries)
                        target.Set(e.Key.Text, KNode.ScalarText(KYaml.From(e.Value)), KYaml.OriginOf(e));
                }
            }

            if (options.GetScalar("disableNameSuffixHash") is { } d)
                disableHash = d.Text == "true";
            if (options.GetScalar("immutable") is { } im)
                immutable = im.Text == "true";
        }

        var root = new KMap();
        root.Set("apiVersion", "v1", origin);
        root.Set("kind", kind, origin);
        var meta = root.GetOrAddMap("metadata", origin);
        meta.Set("name", name, origin);
        if (g.GetString("namespace") is { } ns)
            meta.Set("namespace", ns, KYaml.OriginOf(g.GetEntry("namespace")!.Value));
        if (labels.Count > 0)
            meta.Set("labels", labels, origin);
        if (annotations.Count > 0)
            meta.Set("annotations", annotations, origin);
        if (secret)
        {
            foreach (var e in data.Entries)
                e.Value = Base64Lines(e.Value is byte[] b ? b : Encoding.UTF8.GetBytes((string)e.Value!));
        }

        if (data.Count > 0)
            root.Set("data", data, origin);
        if (binary.Count > 0)
            root.Set("binaryData", binary, origin);
        if (secret)
            root.Set("type", g.GetString("type") ?? "Opaque", g.GetEntry("type") is { } te ? KYaml.OriginOf(te) : origin);
        if (immutable == true)
            root.Set("immutable", true, origin);
        var generated = new KResource(root, origin) { NeedsHash = !disableHash, Generated = true };

        if (behavior == "create")
        {
            if (resources.Any(r => SameId(r, generated)))
                throw new KustomizeException(g.Span, $"{kind}/{name} already exists; a generator of that name needs behavior merge or replace");
            Add(resources, generated, g.Span);
            return;
        }

        var existing = resources.FirstOrDefault(r => r.Kind == kind && r.HadName(name) && (!g.ContainsKey("namespace") || r.Namespace == generated.Namespace))
            ?? throw new KustomizeException(g.GetKey("behavior")!.Span, $"id {kind}/{name} does not exist; cannot {behavior} it");
        if (behavior == "replace")
        {
            foreach (var key in new[] { "data", "binaryData" })
            {
                existing.Root.Remove(key);
                if (root.Entry(key) is { } e)
                    existing.Root.Set(key, e.Value, e.Origin);
            }
        }
        else
        {
            foreach (var key in new[] { "data", "binaryData" })
            {
                if (root.Map(key) is not { } add)
                    continue;
                var target = existing.Root.GetOrAddMap(key, origin);
                foreach (var e in add.Entries)
                    target.Set(e.Key, e.Value, e.Origin!.Over(target.Entry(e.Key)?.Origin, "base value set here"));
            }
        }

        foreach (var key in new[] { "labels", "annotations" })
        {
            if (meta.Map(key) is not { } add)
                continue;
            var target = existing.Metadata.GetOrAddMap(key, origin);
            foreach (var e in add.Entries)
                target.Set(e.Key, e.Value, e.Origin);
        }

        if (g.GetMapping("options") is { } own && own.GetScalar("disableNameSuffixHash") is { } dh)
            existing.NeedsHash = dh.Text != "true";
    }

    /// <summary>kustomize's base64 for Secret data: one line when short, otherwise lines of 70 characters, each ending in a newline.</summary>
    private static string Base64Lines(byte[] bytes)
    {
        const int LineLength = 70;
        var encoded = Convert.ToBase64String(bytes);
        if (encoded.Length / LineLength + 1 <= 1)
            return encoded;
        var sb = new StringBuilder(encoded.Length + (encoded.Length / LineLength) + 1);
        for (var i = 0; i < encoded.Length; i += LineLength)
            sb.Append(encoded, i, Math.Min(LineLength, encoded.Length - i)).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<YamlScalar> Items(YamlMapping g, string key)
    {
        if (g[key] is null or YamlScalar { IsNull: true })
            yield break;
        if (g[key] is not YamlSequence seq)
            throw new KustomizeException(g.GetKey(key)!.Span, $"'{key}' must be a list of strings");
        foreach (var i in seq.Items)
        {
            if (i is not YamlScalar s)
                throw new KustomizeException(i.Span, $"'{key}' must be a list of strings");
            yield return s;
        }
    }

    private static void AddData(KMap data, string key, object value, NodeOrigin origin, SourceSpan at)
    {
        if (data.Entry(key) is not null)
            throw new KustomizeException(at, $"cannot add key '{key}', another key by that name already exists");
        data.Set(key, value, origin);
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == s[^1] && s[0] is '"' or '\'' ? s[1..^1] : s;

    /// <summary>kustomize's name suffix: sha256 of the JSON of kind, data (and type) with an empty name, ten hex digits with vowels and look-alikes replaced.</summary>
    private static void AddHashes(List<KResource> resources)
    {
        foreach (var r in resources)
        {
            if (!r.NeedsHash)
                continue;
            var m = new GoMap();
            m.Set("kind", r.Kind);
            m.Set("name", string.Empty);
            // kubectl kustomize hashes a ConfigMap or Secret without data as if its data were "".
            m.Set("data", r.Root["data"] is null ? string.Empty : ToPlain(r.Root["data"]));
            if (r.Kind == "Secret")
                m.Set("type", r.Root.String("type") ?? string.Empty);
            else if (r.Root.Map("binaryData") is { Count: > 0 } bin)
                m.Set("binaryData", ToPlain(bin));
            var json = GoJson.Marshal(m);
            var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..10];
            var suffix = new string([.. hex.Select(c => c switch { '0' => 'g', '1' => 'h', '3' => 'k', 'a' => 'm', 'e' => 't', _ => c })]);
            var e = r.Metadata.Entry("name");
            r.Remember();
            r.Metadata.Set("name", r.Name + "-" + suffix, e?.Origin);
            r.NeedsHash = false;
        }
    }

    private static object? ToPlain(object? value)
    {
        switch (value)
        {
            case KMap m:
                {
                    var g = new GoMap();
                    foreach (var e in m.Entries)
                        g.Set(e.Key, ToPlain(e.Value));
                    return g;
                }

            case KList l:
                return new GoList(l.Items.Select(i => ToPlain(i.Value)));
            case null:
                return GoMap.Nil();
            default:
                return value;
        }
    }
}
