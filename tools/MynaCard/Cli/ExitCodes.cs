using MynaPlatform.Jpki;

namespace MynaPlatform.MynaCard.Cli;

/// <summary>Process exit codes. The reason code on standard error gives the exact cause.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int PinIncorrect = 3;
    public const int PinLocked = 4;
    public const int CardFile = 5;
    public const int Endpoint = 6;
    public const int Rejected = 7;

    public static int For(string reasonCode) => reasonCode switch
    {
        JpkiReasonCodes.UsageInvalid or JpkiReasonCodes.PinFormatInvalid or JpkiReasonCodes.InputFileNotFound => Usage,
        JpkiReasonCodes.PinIncorrect => PinIncorrect,
        JpkiReasonCodes.PinLocked => PinLocked,
        JpkiReasonCodes.CardFileNotFound or JpkiReasonCodes.CardFileInvalid
            or JpkiReasonCodes.CardFileExists or JpkiReasonCodes.CardFileWriteFailed => CardFile,
        JpkiReasonCodes.EndpointNotConfigured or JpkiReasonCodes.EndpointUnreachable or JpkiReasonCodes.ApiNotFound => Endpoint,
        JpkiReasonCodes.ServerError => Failure,
        _ => Rejected,
    };
}
