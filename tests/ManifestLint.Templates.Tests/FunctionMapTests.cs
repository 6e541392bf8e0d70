using ManifestLint.Templates.Functions.Helm;
using ManifestLint.Templates.Functions.Sprig;

namespace ManifestLint.Templates.Tests;

/// <summary>The function map a chart sees is Sprig v3.2.3's, without what Helm removes, plus Helm's own.</summary>
public sealed class FunctionMapTests
{
    // Every name in Sprig v3.2.3's genericMap (functions.go), grouped as there.
    private static readonly string[] SprigNames =
    [
        "hello",
        "ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify", "duration", "durationRound", "htmlDate",
        "htmlDateInZone", "must_date_modify", "mustDateModify", "mustToDate", "now", "toDate", "unixEpoch",
        "abbrev", "abbrevboth", "trunc", "trim", "upper", "lower", "title", "untitle", "substr", "repeat", "trimall", "trimAll",
        "trimSuffix", "trimPrefix", "nospace", "initials", "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "swapcase",
        "shuffle", "snakecase", "camelcase", "kebabcase", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix", "quote",
        "squote", "cat", "indent", "nindent", "replace", "plural", "sha1sum", "sha256sum", "adler32sum", "toString",
        "atoi", "int64", "int", "float64", "seq", "toDecimal", "split", "splitList", "splitn", "toStrings", "until", "untilStep",
        "add1", "add", "sub", "div", "mod", "mul", "randInt", "add1f", "addf", "subf", "divf", "mulf", "biggest", "max", "min",
        "maxf", "minf", "ceil", "floor", "round", "join", "sortAlpha",
        "default", "empty", "coalesce", "all", "any", "compact", "mustCompact", "fromJson", "toJson", "toPrettyJson", "toRawJson",
        "mustFromJson", "mustToJson", "mustToPrettyJson", "mustToRawJson", "ternary", "deepCopy", "mustDeepCopy",
        "typeOf", "typeIs", "typeIsLike", "kindOf", "kindIs", "deepEqual", "getHostByName",
        "base", "dir", "clean", "ext", "isAbs", "osBase", "osClean", "osDir", "osExt", "osIsAbs",
        "b64enc", "b64dec", "b32enc", "b32dec",
        "tuple", "list", "dict", "get", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit", "merge", "mergeOverwrite",
        "mustMerge", "mustMergeOverwrite", "values", "append", "push", "mustAppend", "mustPush", "prepend", "mustPrepend", "first",
        "mustFirst", "rest", "mustRest", "last", "mustLast", "initial", "mustInitial", "reverse", "mustReverse", "uniq", "mustUniq",
        "without", "mustWithout", "has", "mustHas", "slice", "mustSlice", "concat", "dig", "chunk", "mustChunk",
        "bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert",
        "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", "encryptAES", "decryptAES", "randBytes",
        "uuidv4", "semver", "semverCompare", "fail",
        "regexMatch", "mustRegexMatch", "regexFindAll", "mustRegexFindAll", "regexFind", "mustRegexFind", "regexReplaceAll",
        "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral", "regexSplit", "mustRegexSplit",
        "regexQuoteMeta", "urlParse", "urlJoin",
    ];

    private static readonly string[] HelmNames =
        ["toToml", "toYaml", "fromYaml", "fromYamlArray", "toJson", "fromJson", "fromJsonArray", "include", "tpl", "required", "lookup"];

    private static HashSet<string> ChartFunctions() =>
        [.. SprigFunctions.Create().Keys, .. HelmFunctions.Create().Keys];

    [Fact]
    public void Every_sprig_and_helm_function_is_there()
    {
        var names = ChartFunctions();
        var missing = SprigNames.Concat(HelmNames).Where(n => !names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_environment_functions_helm_removes_are_absent()
    {
        var names = ChartFunctions();
        Assert.DoesNotContain("env", names);
        Assert.DoesNotContain("expandenv", names);
        var ex = Assert.Throws<TemplateException>(() =>
            TemplateSet.Parse([("main", "{{ env \"HOME\" }}")], new TemplateOptions { FunctionMaps = [SprigFunctions.Create(), HelmFunctions.Create()] }));
        Assert.Contains("function \"env\" not defined", ex.Message, StringComparison.Ordinal);
    }
}
