namespace ManifestLint.Templates.Values;

/// <summary>
/// A struct value whose pointer type has a <c>String</c> method: text/template prints a field holding it (addressable)
/// through that method, while a copy passed to a function or <c>printf</c> prints as the struct (<see cref="IGoObject.FormatGo"/>).
/// </summary>
public interface IGoAddressableStringer
{
    /// <summary>What <c>String()</c> returns, used when the template prints the value itself.</summary>
    string AddressableString();
}
