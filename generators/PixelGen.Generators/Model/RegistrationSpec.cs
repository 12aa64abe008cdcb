namespace PixelGen.Generators.Model
{
    /// <summary>The module initializer's input: the assembly's name and its type-form decoders, sorted for stable output.</summary>
    internal sealed record RegistrationSpec(string AssemblyName, EquatableArray<string> DecoderTypes);
}
