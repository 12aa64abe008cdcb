namespace PixelGen.Generators
{
    /// <summary>Names of the pipeline steps, for incremental-generation tests and diagnostics.</summary>
    public static class TrackingNames
    {
        /// <summary>One <c>DecoderSpec</c> per valid <c>[PixelLayout]</c> declaration.</summary>
        public const string Decoders = "PixelLayout.Decoders";

        /// <summary>The compilation's assembly name.</summary>
        public const string AssemblyName = "PixelLayout.AssemblyName";

        /// <summary>The module initializer's input.</summary>
        public const string Registrations = "PixelLayout.Registrations";
    }
}
