using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ManifestLint.Cli;
using ManifestLint.Core.Graph;
using ManifestLint.Core.Model;
using ManifestLint.Core.Rbac;
using ManifestLint.Core.Text;
using ManifestLint.Core.Yaml;
using ManifestLint.Discovery;

namespace ManifestLint.Commands;

/// <summary>
/// <c>manifestlint rbac can-i</c> and <c>rbac who-can</c>: <c>kubectl auth can-i</c> and who-can, answered offline
/// from the manifests (with Kubernetes' default roles and bindings), each answer citing the binding and the role
/// rule that grant it.
/// </summary>
public static class RbacCommand
{
    /// <summary><c>can-i VERB RESOURCE</c>: RBAC allows the request.</summary>
    public const int Allowed = 0;

    /// <summary><c>can-i VERB RESOURCE</c>: RBAC denies the request.</summary>
    public const int Denied = 1;

    private const string DefaultNamespace = "default";

    public static Command Create() => Create(null);

    /// <summary>The command; with no <paramref name="environment"/> it writes to the invocation's output and reads the process's working directory.</summary>
    public static Command Create(CliEnvironment? environment)
    {
        var command = new Command("rbac", "Answer RBAC questions offline from the manifests: what a subject can do, and who can do something.");
        command.Subcommands.Add(CanI(environment));
        command.Subcommands.Add(WhoCan(environment));
        return command;
    }

    private static Option<string?> NamespaceOption() => new("--namespace", "-n")
    {
        Description = "The namespace the question is about; also the namespace of manifests that name none (default: default).",
    };

    private static Command CanI(CliEnvironment? environment)
    {
        var asOption = new Option<string>("--as")
        {
            Description = "Who asks: system:serviceaccount:NS:NAME for a ServiceAccount, any other name for a user.",
            Required = true,
        };
        var list = new Option<bool>("--list") { Description = "List everything the subject can do in the namespace (like kubectl auth can-i --list)." };
        var subresource = new Option<string?>("--subresource") { Description = "The subresource of the request, e.g. exec for pods/exec." };
        var ns = NamespaceOption();
        var words = new Argument<string[]>("args")
        {
            Description = "VERB RESOURCE[/NAME] (or VERB /non-resource-url) unless --list, then the files and folders to read (default: .).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("can-i", "Can a subject make a request? Exit 0 for yes, 1 for no; with --list, everything it can do.")
        {
            asOption, list, subresource, ns, words,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var io = Io.Of(environment, parseResult);
            return Task.FromResult(Guard(io, () =>
            {
                var subject = RbacSubject.FromUserName(parseResult.GetValue(asOption)!);
                var args = parseResult.GetValue(words) ?? [];
                var @namespace = parseResult.GetValue(ns) ?? DefaultNamespace;
                if (parseResult.GetValue(list))
                {
                    var rbac = Load(io, args, @namespace, cancellationToken);
                    io.Out.Write(RbacPermissionList.Format(RbacPermissionList.For(rbac, subject, @namespace), RbacPermissionList.DescribeGrant));
                    return ExitCodes.Success;
                }

                if (args.Length < 2)
                    throw new UsageException("can-i needs VERB and RESOURCE (or --list)");
                var index = Load(io, args[2..], @namespace, cancellationToken);
                var request = Request.Parse(args[0], args[1], parseResult.GetValue(subresource), @namespace);
                var grants = request.NonResourceUrl is { } url
                    ? index.CanNonResource(subject, request.Verb, url)
                    : index.Can(subject, request.Verb, request.Group, request.Resource, request.Subresource, request.Namespace, request.Name);
                io.Out.Write(grants.IsEmpty ? "no\n" : "yes\n");
                foreach (var g in grants)
                    io.Out.Write($"  {RbacPermissionList.DescribeGrant(g)}\n");
                return grants.IsEmpty ? Denied : Allowed;
            }));
        });
        return command;
    }

    private static Command WhoCan(CliEnvironment? environment)
    {
        var subresource = new Option<string?>("--subresource") { Description = "The subresource of the request, e.g. exec for pods/exec." };
        var ns = NamespaceOption();
        var words = new Argument<string[]>("args")
        {
            Description = "VERB RESOURCE[/NAME], then the files and folders to read (default: .).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("who-can", "Which subjects can make a request, and through which binding and role rule.")
        {
            subresource, ns, words,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var io = Io.Of(environment, parseResult);
            return Task.FromResult(Guard(io, () =>
            {
                var args = parseResult.GetValue(words) ?? [];
                if (args.Length < 2)
                    throw new UsageException("who-can needs VERB and RESOURCE");
                var @namespace = parseResult.GetValue(ns) ?? DefaultNamespace;
                var request = Request.Parse(args[0], args[1], parseResult.GetValue(subresource), @namespace);
                if (request.NonResourceUrl is not null)
                    throw new UsageException("who-can answers resource requests only");
                var index = Load(io, args[2..], @namespace, cancellationToken);
                var access = index.Who(request.Verb, request.Group, request.Resource, request.Subresource, request.Namespace, request.Name);
                io.Out.Write(FormatWho(access));
                return ExitCodes.Success;
            }));
        });
        return command;
    }

    private static string FormatWho(ImmutableArray<RbacAccess> access)
    {
        var rows = access
            .Select(a => (Subject: a.Subject.Subject!.ToString(), Grant: RbacPermissionList.DescribeGrant(a.Grant)))
            .Distinct()
            .OrderBy(r => r.Subject, StringComparer.Ordinal)
            .ThenBy(r => r.Grant, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
            return "No subject can make this request.\n";
        var width = Math.Max("Subject".Length, rows.Max(r => r.Subject.Length));
        var sb = new StringBuilder();
        sb.Append("Subject".PadRight(width + 3)).Append("Granted by\n");
        foreach (var (subject, grant) in rows)
            sb.Append(subject.PadRight(width + 3)).Append(grant).Append('\n');
        return sb.ToString();
    }

    /// <summary>Reads the manifests under <paramref name="paths"/> with the lint pipeline's loaders and builds the RBAC index.</summary>
    private static RbacIndex Load(Io io, string[] paths, string defaultNamespace, CancellationToken cancellationToken)
    {
        var root = LintSetup.FindRepositoryRoot(io.WorkingDirectory);
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p, io.WorkingDirectory);
            if (!File.Exists(full) && !Directory.Exists(full))
                throw new UsageException($"no such file or folder: {p}");
        }

        var discovery = FileDiscovery.Find(
            new DiscoveryRequest(paths.Length == 0 ? ["."] : [.. paths], io.WorkingDirectory, root, [], []),
            cancellationToken);
        foreach (var problem in discovery.Problems)
            io.Error.Write($"manifestlint: {problem.Span.Path}: {problem.Message}\n");
        if (!discovery.Charts.IsEmpty)
            io.Error.Write($"manifestlint: {discovery.Charts.Length} Helm chart(s) not rendered by rbac; pass rendered manifests to include them\n");

        var resources = new List<Resource>();
        foreach (var file in discovery.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                io.Error.Write($"manifestlint: {file.Path}: could not be read: {e.Message}\n");
                continue;
            }

            var loaded = YamlLoader.Load(new SourceFile(file.Path, text), map: null, options: null, cancellationToken);
            foreach (var problem in loaded.Problems)
                io.Error.Write(string.Create(CultureInfo.InvariantCulture, $"manifestlint: {problem.Span}: {problem.Message}\n"));
            foreach (var document in loaded.Documents)
                resources.AddRange(ResourceReader.Read(document, defaultNamespace, new ResourceOrigin(file.Path, document.Index), out _));
        }

        return ResourceGraph.Build(resources).Rbac;
    }

    private static int Guard(Io io, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (UsageException e)
        {
            io.Error.Write($"manifestlint: error: {e.Message}\n");
            return ExitCodes.UsageError;
        }
        finally
        {
            io.Out.Flush();
        }
    }

    private sealed record Io(TextWriter Out, TextWriter Error, string WorkingDirectory)
    {
        public static Io Of(CliEnvironment? environment, ParseResult parseResult) => environment is not null
            ? new Io(environment.Out, environment.Error, environment.WorkingDirectory)
            : new Io(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, Environment.CurrentDirectory);
    }

    /// <summary>A request as kubectl auth can-i reads it: VERB and TYPE[.GROUP][/NAME] (or a non-resource URL), with --subresource.</summary>
    private sealed record Request(string Verb, string Group, string Resource, string Subresource, string? Name, string? Namespace, string? NonResourceUrl)
    {
        public static Request Parse(string verb, string resource, string? subresource, string @namespace)
        {
            if (resource.StartsWith('/'))
                return new Request(verb, string.Empty, string.Empty, string.Empty, null, null, resource);
            var slash = resource.IndexOf('/', StringComparison.Ordinal);
            var type = slash < 0 ? resource : resource[..slash];
            var name = slash < 0 ? null : resource[(slash + 1)..];
            if (type.Length == 0 || name is { Length: 0 })
                throw new UsageException($"'{resource}' is not TYPE or TYPE/NAME");
            var (plural, group) = KnownResources.Resolve(type);
            var ns = KnownResources.IsClusterScoped(plural) ? null : @namespace;
            return new Request(verb, group, plural, subresource ?? string.Empty, name, ns, null);
        }
    }
}
