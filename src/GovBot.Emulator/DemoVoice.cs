namespace GovBot.Emulator;

/// <summary>
/// The emulator's voice message: one second of silence as AMR-NB (the "#!AMR\n" header, then fifty 4.75 kbit/s frames,
/// each a header byte and 12 zero bytes), built here rather than bundled. A real transcription server hears nothing in
/// it (the not-heard path); a stub or a test server answers whatever it is told.
/// </summary>
internal static class DemoVoice
{
    private const int Frames = 50;
    private const byte Mode0Header = 0x04;
    private const int Mode0Bytes = 12;

    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        var bytes = new List<byte>("#!AMR\n"u8.ToArray());
        for (var i = 0; i < Frames; i++)
        {
            bytes.Add(Mode0Header);
            bytes.AddRange(new byte[Mode0Bytes]);
        }
        return [.. bytes];
    }
}
