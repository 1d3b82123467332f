// A default subnet of the emulator's EC2 (moto creates one per zone), for RunTask's network settings;
// there is no EC2 client in the repo, so one DescribeSubnets call by hand.
export const emulatorDefaultSubnet = async (): Promise<string> => {
  const response = await fetch(process.env.AWS_ENDPOINT_URL!, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: 'Action=DescribeSubnets&Version=2016-11-15',
  });
  const subnet = /<subnetId>(subnet-[0-9a-f]+)<\/subnetId>/.exec(await response.text())?.[1];
  if (!subnet) throw new Error('the emulator has no default subnet');
  return subnet;
};
