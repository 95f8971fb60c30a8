using MynaPlatform.AccessLog.Domain.Verification;

namespace MynaPlatform.MynaLog.Cli;

/// <summary>Process exit codes. The reason code on standard error gives the exact cause.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int ChainInvalid = 3;
    public const int HistoryChanged = 4;
    public const int LocalFile = 5;
    public const int Endpoint = 6;
    public const int Rejected = 7;

    public static int For(string reasonCode) => reasonCode switch
    {
        MynaLogReasonCodes.UsageInvalid or MynaLogReasonCodes.TokenMissing => Usage,
        MynaLogReasonCodes.StateFileInvalid or MynaLogReasonCodes.StateFileWriteFailed
            or MynaLogReasonCodes.KeysFileNotFound or MynaLogReasonCodes.KeysFileInvalid => LocalFile,
        MynaLogReasonCodes.EndpointNotConfigured or MynaLogReasonCodes.EndpointUnreachable or MynaLogReasonCodes.ApiNotFound => Endpoint,
        MynaLogReasonCodes.TokenRejected => Rejected,
        MynaLogReasonCodes.ServerError or MynaLogReasonCodes.ResponseInvalid => Failure,
        MynaLogReasonCodes.SigningKeyChanged => ChainInvalid,
        _ when ChainReasonCodes.IsHistoryChange(reasonCode) => HistoryChanged,
        _ => ChainInvalid,
    };
}
