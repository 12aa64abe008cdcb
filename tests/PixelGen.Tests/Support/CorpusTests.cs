namespace PixelGen.Tests.Support;

public class CorpusTests
{
    [Fact]
    public void Corpus_is_found_under_CI()
    {
        // Under CI a missing corpus must fail loudly; elsewhere its absence is allowed.
        if (!Corpus.IsCi && !Corpus.Available) return;
        Assert.NotNull(Corpus.Root);
        Assert.True(Corpus.FileNames().Count >= 100, "the corpus should list its ~110 files");
    }
}
