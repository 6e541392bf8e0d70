using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestLint.Core.Yaml;

/// <summary>
/// YamlDotNet's parser, except that the malformed input it rejects with <see cref="InvalidOperationException"/> or
/// <see cref="ArgumentException"/> instead of a <see cref="YamlException"/> (found by fuzzing: a plain scalar after an
/// unclosed flow collection, <c>...</c> before a stray character, a tag that is not a URI, an escape that is not a
/// character) is reported as a <see cref="YamlException"/> at the scanner's position like any other syntax error.
/// </summary>
internal sealed class CheckedParser(ReadOnlyMemory<char> text) : IParser
{
    private readonly Scanner _scanner = new(new MemoryTextReader(text), skipComments: true);
    private Parser? _parser;
    private int _lastLine;

    public ParsingEvent? Current => Inner.Current;

    private Parser Inner => _parser ??= new Parser(_scanner);

    public bool MoveNext()
    {
        try
        {
            return Inner.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A bad tag or escape is noticed once its token is read (the scanner is ahead by then).
            var at = e is ArgumentException && _scanner.Current is { } token ? token.Start : _scanner.CurrentPosition;
            if (_lastLine == 0)
                _lastLine = text.Span.Count('\n') + 1;
            if (at.Line > _lastLine)
                at = new Mark(at.Index, _lastLine, 1);
            throw new YamlException(at, at, Describe(e), e);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        ArgumentOutOfRangeException => "found an escape sequence that is not a valid character",
        ArgumentException => "found a tag that is not valid",
        _ => "did not find expected node content",
    };
}
