namespace ManifestLint.HelmDiff;

/// <summary><c>--self-test</c>: checks the comparison rules on made-up samples (no helm needed); exit 1 on a broken rule.</summary>
internal static class SelfTest
{
    public static int Run()
    {
        var failures = 0;
        // randAlphaNum 10: same length and alphabet; one character short is a difference.
        Check(true, "abc123XYZ0", "Qw3rTy7UiO", "zXcVbNm123");
        Check(false, "abc123XYZ", "Qw3rTy7UiO", "zXcVbNm123");
        Check(false, "abc+23XYZ0", "Qw3rTy7UiO", "zXcVbNm123");
        // Fixed text around a random token must be ours too.
        Check(true, "password: abc", "password: Qw3", "password: zX9");
        Check(false, "passwd: abc", "password: Qw3", "password: zX9");
        Check(false, "password: abc\nuser: x", "password: Qw3\nuser: y", "password: zX9\nuser: y");
        // A sha256 digest: 64 lower-case hex characters.
        Check(true, new string('a', 32) + new string('0', 32), new string('f', 64), new string('1', 63) + "b");
        Check(false, new string('g', 64), new string('f', 64), new string('1', 63) + "b");
        Check(false, new string('a', 40), new string('f', 64), new string('1', 63) + "b");
        // uuidv4.
        Check(true, "0f8fad5b-d9cb-469f-a165-70867728950e", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "1b4e28ba-2fa1-41d2-883f-0016d3cca427");
        // htpasswd with bcrypt: whether a salt or hash happens to contain '.' or '/' is random too.
        Check(true, "admin:$2a$10$Ab.dEf/hIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnop", "admin:$2a$10$AbcdEfghIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnopq", "admin:$2a$10$ZbcdEfghIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnopq");
        Check(false, "admin:$2a$12$Ab.dEf/hIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnop", "admin:$2a$10$AbcdEfghIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnopq", "admin:$2a$10$ZbcdEfghIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnopq");
        // base64 of a certificate: the length varies by a few characters from run to run.
        var a = new string('Q', 1480) + "==";
        var b = new string('R', 1484);
        Check(true, new string('S', 1476) + "=", a, b);
        Check(false, new string('S', 700), a, b);
        // PEM blocks whose line counts differ: compared as a blob between the shared head and tail.
        var pemA = "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', Enumerable.Repeat(new string('A', 64), 17)) + "\nAAAA\n-----END CERTIFICATE-----\n";
        var pemB = "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', Enumerable.Repeat(new string('B', 64), 18)) + "\n-----END CERTIFICATE-----\n";
        var pemO = "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', Enumerable.Repeat(new string('C', 64), 17)) + "\nCC\n-----END CERTIFICATE-----\n";
        Check(true, pemO, pemA, pemB);
        Check(false, pemO.Replace("CERTIFICATE", "KEY", StringComparison.Ordinal), pemA, pemB);

        // Document splitting follows Helm's "---\n# Source: " headers, numbering repeated sources.
        var docs = RenderedDocument.Split("---\n# Source: c/templates/a.yaml\nx: 1\n---\n# Source: c/templates/a.yaml\nx: 2\n---\n# Source: c/templates/b.yaml\ny: |\n  ---\n");
        if (docs.Count != 3 || docs[1].Key != "c/templates/a.yaml #2" || docs[2].Text != "y: |\n  ---\n")
        {
            Console.WriteLine("FAIL: document split: " + string.Join(", ", docs.Select(d => d.Key)));
            failures++;
        }

        // YAML data equality: quoting of a string does not matter, a string "1" against the number 1 does.
        Verdict(DocumentVerdict.ParsedEqual, "a: x\nb: 'z'\n", "b: z\na: \"x\"\n");
        Verdict(DocumentVerdict.Different, "b: 'y'\n", "b: y\n");
        Verdict(DocumentVerdict.Different, "a: \"1\"\n", "a: 1\n");
        Console.WriteLine(failures == 0 ? "self-test: passed" : $"self-test: {failures} failed");
        return failures == 0 ? 0 : 1;

        void Check(bool expected, string ours, string first, string second)
        {
            if (RandomShape.Matches(ours, first, second) == expected)
                return;
            Console.WriteLine($"FAIL: shape of '{Short(ours)}' against '{Short(first)}' / '{Short(second)}' should {(expected ? string.Empty : "not ")}match");
            failures++;
        }

        void Verdict(DocumentVerdict expected, string helm, string ours)
        {
            var got = DocumentComparer.Compare("doc", helm, ours, () => null).Verdict;
            if (got == expected)
                return;
            Console.WriteLine($"FAIL: '{Short(helm)}' vs '{Short(ours)}' is {got}, expected {expected}");
            failures++;
        }

        static string Short(string s) => (s.Length > 40 ? s[..40] + "…" : s).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
